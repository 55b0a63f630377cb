// The ceiling of any webhook server on this machine: reads each request whole and answers 200
// with an empty body, doing nothing else. bench/run-webhooks compares motcua with it.
#include "bench/plain_http_server.hpp"

int main(int argc, char** argv) {
    return motcua::bench::serve_plain_http_from_args(argc, argv, [](const motcua::bench::PlainRequest&) {
        return motcua::bench::PlainAnswer{200, "", ""};
    });
}
