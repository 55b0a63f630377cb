#pragma once
// Stands in front of SQLite's default VFS and can make every write fail the way a full disk or
// a failing device does. File permissions cannot do this for a test running as root.
#include <atomic>

struct sqlite3_vfs;

namespace motcua::store::testing {

class FailingVfs {
public:
    FailingVfs();   // becomes the default VFS for connections opened from now on
    ~FailingVfs();  // restores the previous default; close their connections first
    FailingVfs(const FailingVfs&) = delete;
    FailingVfs& operator=(const FailingVfs&) = delete;

    // Every write returns this SQLite code (SQLITE_FULL, SQLITE_IOERR_WRITE...); 0 lets them through.
    void fail_writes(int sqlite_code);
    int failed_writes() const;  // how many writes failed so far
};

}  // namespace motcua::store::testing
