#pragma once
// The numbered steps that build motcua's schema. Append new steps; never edit a released one.
#include <span>

#include "store/migrations.hpp"

namespace motcua::store {

std::span<const Migration> schema_steps();

}  // namespace motcua::store
