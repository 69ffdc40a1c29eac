#pragma once
// The compiler's spelling of a constant, read out of __PRETTY_FUNCTION__: how ctsql learns the
// names of struct fields (from pointers to them) and of enumerators (from their values).
// g++ writes `[with auto Value = <spelling>; ...]`, clang `[Value = <spelling>]`.

#include <string_view>

namespace ctsql::detail {

template <auto Value>
consteval std::string_view spelled_value() {
    return __PRETTY_FUNCTION__;
}

}  // namespace ctsql::detail
