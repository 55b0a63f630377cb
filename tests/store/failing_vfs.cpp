#include "failing_vfs.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace motcua::store::testing {
namespace {

std::atomic<int> write_failure{0};
std::atomic<int> writes_failed{0};
sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs shim_vfs;

// The real file lives in the same allocation, right after this header.
struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real(sqlite3_file* file) { return reinterpret_cast<ShimFile*>(file)->real; }

int shim_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int shim_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    return real(f)->pMethods->xRead(real(f), buf, n, off);
}
int shim_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    if (const int code = write_failure.load()) {
        ++writes_failed;
        return code;
    }
    return real(f)->pMethods->xWrite(real(f), buf, n, off);
}
int shim_truncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
int shim_sync(sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int shim_file_size(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
int shim_lock(sqlite3_file* f, int lock) { return real(f)->pMethods->xLock(real(f), lock); }
int shim_unlock(sqlite3_file* f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); }
int shim_check_reserved(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int shim_file_control(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int shim_sector_size(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int shim_device(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int shim_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int shim_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void shim_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int shim_shm_unmap(sqlite3_file* f, int del) { return real(f)->pMethods->xShmUnmap(real(f), del); }
int shim_fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
    return real(f)->pMethods->xFetch(real(f), off, n, out);
}
int shim_unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
    return real(f)->pMethods->xUnfetch(real(f), off, p);
}

const sqlite3_io_methods shim_methods = {
    3,
    shim_close,
    shim_read,
    shim_write,
    shim_truncate,
    shim_sync,
    shim_file_size,
    shim_lock,
    shim_unlock,
    shim_check_reserved,
    shim_file_control,
    shim_sector_size,
    shim_device,
    shim_shm_map,
    shim_shm_lock,
    shim_shm_barrier,
    shim_shm_unmap,
    shim_fetch,
    shim_unfetch,
};

int shim_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* shim = reinterpret_cast<ShimFile*>(file);
    shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
    const int rc = real_vfs->xOpen(real_vfs, name, shim->real, flags, out_flags);
    // SQLite calls xClose whenever pMethods is set, even after a failed open.
    shim->base.pMethods = shim->real->pMethods ? &shim_methods : nullptr;
    return rc;
}

}  // namespace

FailingVfs::FailingVfs() {
    real_vfs = sqlite3_vfs_find(nullptr);
    if (!real_vfs || real_vfs->iVersion < 2) throw std::runtime_error("no usable default VFS");
    // The real VFS's other methods read only its own fields (pAppData, mxPathname), copied here.
    shim_vfs = *real_vfs;
    shim_vfs.zName = "motcua-failing";
    shim_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + real_vfs->szOsFile;
    shim_vfs.xOpen = shim_open;
    shim_vfs.pNext = nullptr;
    if (sqlite3_vfs_register(&shim_vfs, 1) != SQLITE_OK) throw std::runtime_error("cannot register the VFS");
    write_failure = 0;
}

FailingVfs::~FailingVfs() {
    write_failure = 0;
    sqlite3_vfs_unregister(&shim_vfs);
    sqlite3_vfs_register(real_vfs, 1);
}

void FailingVfs::fail_writes(int sqlite_code) { write_failure = sqlite_code; }
int FailingVfs::failed_writes() const { return writes_failed.load(); }

}  // namespace motcua::store::testing
