// The lexer: every kind of token, quoting that hides parameters and tags, and its errors.
#include <ctsql/lexer.hpp>
#include <ctsql/named_placeholder.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <string_view>

namespace {

using ctsql::lex_error;
using ctsql::lexer;
using ctsql::parameter_style;
using ctsql::read_named_placeholder;
using ctsql::token;
using ctsql::token_kind;

template <std::size_t N>
constexpr std::array<token, N> lex(std::string_view text) {
    std::array<token, N> tokens{};
    lexer l{text};
    for (token& t : tokens) t = l.next();
    return tokens;
}

constexpr std::string_view basic_text = "SELECT id, \"Na\"\"me\" FROM `t` -- done";
constexpr auto basic = lex<8>(basic_text);
static_assert(basic[0].kind == token_kind::identifier && basic[0].text(basic_text) == "SELECT");
static_assert(basic[1].kind == token_kind::identifier && basic[1].offset == 7);
static_assert(basic[2].is(","));
static_assert(basic[3].kind == token_kind::quoted_identifier && basic[3].unquoted(basic_text) == "Na\"\"me");
static_assert(basic[5].kind == token_kind::quoted_identifier && basic[5].unquoted(basic_text) == "t");
static_assert(basic[6].kind == token_kind::comment && basic[6].text(basic_text) == "-- done");
static_assert(basic[7].kind == token_kind::end);

// An unquoted name that is a word of the vocabulary carries its number, in any case; a quoted
// one, any other name and any other token carry none.
using ctsql::detail::keyword;
constexpr std::string_view words_text = "select FROM \"from\" fromage coalesce 'from'";
constexpr auto words = lex<6>(words_text);
static_assert(words[0].word == keyword{"select"}.id && words[1].word == keyword{"from"}.id);
static_assert(words[2].kind == token_kind::quoted_identifier && words[2].word == 0);
static_assert(words[3].word == 0 && words[5].kind == token_kind::string && words[5].word == 0);
static_assert(words[4].word == keyword{"coalesce"}.id && keyword{"coalesce"}.id != keyword{"select"}.id);
static_assert(ctsql::detail::vocabulary.find("Transaction_Timestamp") == keyword{"transaction_timestamp"}.id);
static_assert(ctsql::detail::vocabulary.find("sqlc") == 0 && ctsql::detail::vocabulary.find("") == 0);
// Up to 12 characters a name is told by its key alone; a longer one by its characters too.
static_assert(ctsql::detail::vocabulary.find("SESSION_USER") == keyword{"session_user"}.id);
static_assert(ctsql::detail::vocabulary.find("session_usex") == 0 && ctsql::detail::vocabulary.find("session_use") == 0);
static_assert(ctsql::detail::vocabulary.find("current_timestamq") == 0 && ctsql::detail::vocabulary.find("current_timestamps") == 0);
// A name of 12 characters whose key is a longer word's, wrapped around, is not that word.
static_assert(ctsql::detail::key_of("qufswpcluoxd", 12) == ctsql::detail::key_of("autoincrement", 13));
static_assert(ctsql::detail::vocabulary.find("qufswpcluoxd") == 0 && lex<1>("OOYY3037VCJH")[0].word == 0);
static_assert(lex<1>("Current_Timestamp")[0].word == keyword{"current_timestamp"}.id);
// The lexer's keys are those of the names it reads: a character has a code where it is part of a name.
constexpr bool codes_are_name_characters() {
    for (std::size_t c = 0; c < 256; ++c)
        if ((ctsql::detail::name_codes.of[c] != 0) !=
            ((ctsql::detail::character_classes.of[c] & ctsql::detail::character_class::name) != 0))
            return false;
    return true;
}
static_assert(codes_are_name_characters());
// Each word of the vocabulary lowercase, and its key the one key_of makes (tools/vocabulary_keys.py
// writes them).
constexpr bool vocabulary_keys_are_right() {
    for (const ctsql::detail::vocabulary_word& word : ctsql::detail::vocabulary_words) {
        for (const char c : word.text)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
        if (word.key != ctsql::detail::key_of(word.text.data(), word.text.size())) return false;
    }
    return true;
}
static_assert(vocabulary_keys_are_right());
// Each word is found, in upper case too, under its own number.
constexpr bool vocabulary_finds_every_word() {
    ctsql::detail::word_id id = 0;
    for (const ctsql::detail::vocabulary_word& word : ctsql::detail::vocabulary_words) {
        ++id;
        char upper[32] = {};
        if (word.text.size() >= sizeof upper) return false;
        for (std::size_t i = 0; i < word.text.size(); ++i) {
            const char c = word.text[i];
            upper[i] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        }
        if (ctsql::detail::vocabulary.find(word.text) != id || ctsql::detail::vocabulary.find(upper, word.text.size()) != id)
            return false;
    }
    return true;
}
static_assert(vocabulary_finds_every_word());

// Strings: '' escapes, E'' backslash escapes, prefixed literals, dollar-quoted bodies.
constexpr std::string_view strings_text = R"(  'it''s $1'  E'a\'b ?'  X'0aff'  $$ body $1 $$  $fn$ x $$ y $fn$ )";
constexpr auto strings = lex<6>(strings_text);
static_assert(strings[0].kind == token_kind::string && strings[0].text(strings_text) == "'it''s $1'");
static_assert(strings[1].kind == token_kind::string && strings[1].text(strings_text) == R"(E'a\'b ?')");
static_assert(strings[2].kind == token_kind::string && strings[2].text(strings_text) == "X'0aff'");
static_assert(strings[3].kind == token_kind::string && strings[3].text(strings_text) == "$$ body $1 $$");
static_assert(strings[4].kind == token_kind::string && strings[4].text(strings_text) == "$fn$ x $$ y $fn$");
static_assert(strings[5].kind == token_kind::end);

// Parameters of every style.
constexpr std::string_view params_text = "$12 ? @user_id sqlc.arg(email) sqlc.narg('bio') ?| x";
constexpr auto params = lex<7>(params_text);
static_assert(params[0].kind == token_kind::parameter && params[0].style == parameter_style::numbered && params[0].number == 12);
static_assert(params[1].kind == token_kind::parameter && params[1].style == parameter_style::anonymous);
static_assert(params[2].style == parameter_style::named && read_named_placeholder(params[2].text(params_text)).name == "user_id");
static_assert(params[3].style == parameter_style::named && read_named_placeholder(params[3].text(params_text)).name == "email" && !read_named_placeholder(params[3].text(params_text)).nullable);
static_assert(params[4].style == parameter_style::named && read_named_placeholder(params[4].text(params_text)).name == "bio" && read_named_placeholder(params[4].text(params_text)).nullable);
static_assert(params[5].kind == token_kind::symbol && params[5].text(params_text) == "?|");  // PostgreSQL's jsonb operator
constexpr std::string_view prefixed_text = ":due $ref ?3";
constexpr auto prefixed = lex<3>(prefixed_text);
static_assert(prefixed[0].style == parameter_style::named && read_named_placeholder(prefixed[0].text(prefixed_text)).name == "due");
static_assert(prefixed[1].style == parameter_style::named && read_named_placeholder(prefixed[1].text(prefixed_text)).name == "ref");
static_assert(prefixed[2].style == parameter_style::numbered && prefixed[2].number == 3);

// sqlc.slice: a named parameter marked as a list, its name bare or quoted as sqlc accepts it.
constexpr std::string_view lists_text = "sqlc.slice(ids) SQLC.SLICE('ids') sqlc.slice( \"ids\" )";
constexpr auto lists = lex<3>(lists_text);
static_assert(lists[0].style == parameter_style::named && read_named_placeholder(lists[0].text(lists_text)).name == "ids" && lists[0].list);
static_assert(read_named_placeholder(lists[1].text(lists_text)).name == "ids" && lists[1].list && read_named_placeholder(lists[2].text(lists_text)).name == "ids" && lists[2].list);
static_assert(!params[3].list);
static_assert(lists[2].text(lists_text) == "sqlc.slice( \"ids\" )" && !read_named_placeholder(lists[2].text(lists_text)).nullable);
// sqlc followed by any other word is a name like any other.
constexpr std::string_view other_macro = "sqlc.other(x)";
static_assert(lex<1>(other_macro)[0].kind == token_kind::identifier && lex<1>(other_macro)[0].text(other_macro) == "sqlc");

// Numbers and multi-character operators.
constexpr std::string_view numbers_text = "1.5e-3 0x1F .5 :: <> || ->>";
constexpr auto numbers = lex<7>(numbers_text);
static_assert(numbers[0].kind == token_kind::number && numbers[0].text(numbers_text) == "1.5e-3");
static_assert(numbers[1].kind == token_kind::number && numbers[1].text(numbers_text) == "0x1F");
static_assert(numbers[2].kind == token_kind::number && numbers[2].text(numbers_text) == ".5");
static_assert(numbers[3].is("::", numbers_text) && numbers[4].is("<>", numbers_text) && numbers[5].is("||", numbers_text) &&
              numbers[6].is("->>", numbers_text));

// Every operator the analysis tells apart is one token, as PostgreSQL and MySQL read it.
constexpr std::string_view operators_text = "a @> b <@ c && d #> e #>> f == g <=> h ~* i !~ j !~* k @@ l";
constexpr auto operators = lex<23>(operators_text);
constexpr bool lexed_as_one(std::size_t i, std::string_view op) {
    return operators[i].kind == token_kind::symbol && operators[i].text(operators_text) == op;
}
static_assert(lexed_as_one(1, "@>") && lexed_as_one(3, "<@") && lexed_as_one(5, "&&") && lexed_as_one(7, "#>") &&
              lexed_as_one(9, "#>>") && lexed_as_one(11, "==") && lexed_as_one(13, "<=>") && lexed_as_one(15, "~*") &&
              lexed_as_one(17, "!~") && lexed_as_one(19, "!~*") && lexed_as_one(21, "@@"));
static_assert(operators[22].kind == token_kind::identifier && operators[22].text(operators_text) == "l");
// Before a name, <@ is a comparison and a parameter, as SQLite's x<@limit is; so is SQLite's
// x=@limit, and MySQL's x=? a comparison and a parameter, not one operator.
constexpr std::string_view before_names_text = "x<@limit AND x=@limit AND x=?";
constexpr auto before_names = lex<11>(before_names_text);
static_assert(before_names[1].is("<") && before_names[2].kind == token_kind::parameter &&
              before_names[2].text(before_names_text) == "@limit");
static_assert(before_names[5].is("=") && before_names[6].kind == token_kind::parameter);
static_assert(before_names[9].is("=") && before_names[10].kind == token_kind::parameter);
// MySQL's system variables: @@ and a name, never a named parameter.
constexpr std::string_view system_variable_text = "@@version";
static_assert(lex<2>(system_variable_text)[0].is("@@", system_variable_text) &&
              lex<2>(system_variable_text)[1].kind == token_kind::identifier);

// A block comment hides what is inside it.
constexpr std::string_view comment_text = "/* $1 'x -- */ ?";
constexpr auto comment = lex<2>(comment_text);
static_assert(comment[0].kind == token_kind::comment && comment[1].kind == token_kind::parameter);
// A lexer that skips comments skips them of either kind, but not an unterminated one.
constexpr token significant(std::string_view text) { return lexer{text, lexer::comments::skipped}.next(); }
constexpr std::string_view after_comments = "/* a */ -- b\n  /**/x";
static_assert(significant(after_comments).text(after_comments) == "x" && significant(after_comments).offset == 19);
static_assert(significant("-- only a comment").kind == token_kind::end);
static_assert(significant("-- a\n/* open").error == lex_error::unterminated_comment);

// Errors stop the lexer.
static_assert(lex<1>("'open")[0].error == lex_error::unterminated_string);
static_assert(lex<1>("\"open")[0].error == lex_error::unterminated_quoted_name);
static_assert(lex<1>("/* open")[0].error == lex_error::unterminated_comment);
static_assert(lex<1>("$x$ open")[0].error == lex_error::unterminated_dollar_body);
static_assert(lex<1>("sqlc.arg(")[0].error == lex_error::malformed_parameter);
static_assert(lex<1>("sqlc.slice()")[0].error == lex_error::malformed_parameter);
static_assert(lex<1>("sqlc.embed(users)")[0].error == lex_error::unsupported_macro);
static_assert(lex<2>("'open")[1].kind == token_kind::end);

}  // namespace

TEST_CASE("the lexer runs at run time as it does at compile time") {
    const std::string_view text = "SELECT 'a''b', $2 /* c */";
    lexer l{text};
    CHECK(l.next().text(text) == "SELECT");
    CHECK(l.next().text(text) == "'a''b'");
    CHECK(l.next().is(","));
    const token p = l.next();
    CHECK(p.kind == token_kind::parameter);
    CHECK(p.number == 2);
    CHECK(l.next().kind == token_kind::comment);
    CHECK(l.next().kind == token_kind::end);
}
