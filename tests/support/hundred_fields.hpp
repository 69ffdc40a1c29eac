#pragma once
// The fields of the widest row struct Boost.PFR reflects (100 in Boost 1.81): std::int64_t c00
// to c99. The limit tests read a row of 100 columns into them, and one more field is refused.

#include <cstdint>

#define CTSQL_TEST_TEN_FIELDS(tens)                                                                              \
    std::int64_t c##tens##0, c##tens##1, c##tens##2, c##tens##3, c##tens##4, c##tens##5, c##tens##6, c##tens##7, \
        c##tens##8, c##tens##9;
#define CTSQL_TEST_HUNDRED_FIELDS                                                                                 \
    CTSQL_TEST_TEN_FIELDS(0) CTSQL_TEST_TEN_FIELDS(1) CTSQL_TEST_TEN_FIELDS(2) CTSQL_TEST_TEN_FIELDS(3)            \
    CTSQL_TEST_TEN_FIELDS(4) CTSQL_TEST_TEN_FIELDS(5) CTSQL_TEST_TEN_FIELDS(6) CTSQL_TEST_TEN_FIELDS(7)            \
    CTSQL_TEST_TEN_FIELDS(8) CTSQL_TEST_TEN_FIELDS(9)
