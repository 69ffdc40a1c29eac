// Fuzz target: the lexer over arbitrary bytes. Each token lies in the text after the one before
// it, the lexer always moves on and reaches the end, an error ends the text, and numbered
// parameters stay within what a backend can bind.

#include <ctsql/lexer.hpp>
#include <ctsql/named_placeholder.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz.hpp"

using ctsql_fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = ctsql_fuzz::as_text(data, size);
    ctsql::lexer lex{text};
    std::size_t previous_end = 0;
    for (std::size_t count = 0;; ++count) {
        expect(count <= size, "the lexer makes no more tokens than the text has characters");
        const ctsql::token t = lex.next();
        expect(t.offset >= previous_end && t.offset + t.length <= size,
               "a token is the text at its offset, after the token before it");
        if (t.kind == ctsql::token_kind::end) {
            expect(lex.next().kind == ctsql::token_kind::end, "the end stays the end");
            return 0;
        }
        expect(t.length != 0, "a token other than the end has text");
        if (t.kind == ctsql::token_kind::error) {
            expect(t.error != ctsql::lex_error::none, "an error token says what is wrong");
            expect(lex.next().kind == ctsql::token_kind::end, "an error ends the text");
            return 0;
        }
        if (t.kind == ctsql::token_kind::parameter) {
            expect(t.style != ctsql::parameter_style::numbered || t.number <= 65535, "a parameter's number fits 16 bits");
            if (t.style == ctsql::parameter_style::named) {
                const std::string_view name = ctsql::read_named_placeholder(t.text(text)).name;
                expect(!name.empty() && ctsql_fuzz::inside(name, t.text(text)),
                       "a named parameter's name is in its token");
            }
        }
        previous_end = t.offset + t.length;
    }
}
