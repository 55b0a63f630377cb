#include "bot/cli.hpp"

int main(int argc, char** argv) { return motcua::bot::run_cli(argc, argv); }
