#pragma once

namespace motcua::bot {

// The `motcua` command line (SPEC §1). Returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace motcua::bot
