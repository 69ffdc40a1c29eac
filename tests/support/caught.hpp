#pragma once
// The ctsql::error a call throws; a failed test when it throws none.

#include <ctsql/error.hpp>

#include <doctest/doctest.h>

namespace test {

template <class Call>
ctsql::error caught(Call call) {
    try {
        call();
    } catch (const ctsql::error& e) {
        return e;
    }
    FAIL("no ctsql::error was thrown");
    return ctsql::error{ctsql::errc::other, {}, {}};
}

}  // namespace test
