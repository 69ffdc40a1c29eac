#pragma once
// The words ctsql's readers ask of tokens (SQL's keywords, and the functions the analysis types),
// each numbered. The lexer looks up every name it reads once, by its length and first letter, and
// gives the token the word's number: whether a token is FROM is then one comparison of numbers,
// where comparing texts cost the compiler a call and a loop over characters each time it asked,
// several times a token.
//
//   if (is_keyword(t, "from")) ...  // "from" is numbered when the reader is compiled

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "characters.hpp"

namespace ctsql::detail {

// A word's number; 0 for a name that is none of them.
using word_id = std::uint16_t;

// Each lowercase, starting with a letter, shorter than longest_word; a reader that asks for a
// word missing here does not compile.
inline constexpr std::string_view vocabulary_words[] = {
    "abs", "access", "action", "add", "aggregate", "algorithm", "all", "alter", "always", "analyze", "and",
    "any", "array", "as", "asc", "attach", "auto_increment", "autoincrement", "avg", "begin", "between", "bit",
    "bit_length", "bool_and", "bool_or", "both", "btrim", "by", "call", "case", "cast", "ceil", "ceiling",
    "change", "changes", "char", "char_length", "character", "character_length", "charset", "check",
    "clock_timestamp", "cluster", "coalesce", "collate", "collation", "column", "comment", "commit", "concat",
    "concat_ws", "conflict", "constraint", "conversion", "count", "create", "cross", "curdate", "current_date",
    "current_time", "current_timestamp", "current_user", "data", "database", "date_part", "datetime",
    "default", "deferrable", "definer", "delete", "dense_rank", "desc", "detach", "discard", "distinct", "do",
    "domain", "double", "drop", "duplicate", "else", "end", "enum", "escape", "event", "every", "except",
    "exclude", "exists", "explain", "extension", "extract", "false", "fetch", "filter", "floor", "for",
    "foreign", "format", "from", "full", "fulltext", "function", "gen_random_uuid", "generated", "glob",
    "global", "grant", "greatest", "group", "group_concat", "having", "hex", "identity", "if", "ifnull",
    "ilike", "in", "index", "initcap", "initially", "inner", "insert", "instr", "intersect", "interval",
    "into", "invisible", "is", "isnull", "join", "key", "language", "last_insert_id", "last_insert_rowid",
    "lateral", "lcase", "leading", "least", "left", "length", "like", "limit", "listen", "local", "localtime",
    "localtimestamp", "locate", "lock", "lower", "lpad", "ltrim", "match", "materialized", "max", "md5", "min",
    "modify", "national", "natural", "no", "not", "nothing", "notify", "notnull", "now", "ntile", "null",
    "nullif", "nulls", "nvl", "octet_length", "offset", "on", "only", "operator", "or", "order", "outer",
    "over", "partition", "policy", "position", "pragma", "precision", "primary", "printf", "procedure",
    "publication", "quote", "rand", "random", "range", "rank", "recursive", "references", "refresh", "regexp",
    "reindex", "release", "rename", "repeat", "replace", "reset", "returning", "reverse", "revoke", "right",
    "role", "rollback", "round", "row", "row_number", "rows", "rpad", "rtrim", "rule", "savepoint", "schema",
    "security", "select", "sequence", "server", "session_user", "set", "sign", "signed", "some", "spatial",
    "split_part", "sql", "start", "statement_timestamp", "statistics", "stored", "string_agg", "strpos",
    "subscription", "substr", "substring", "sum", "sysdate", "table", "tablespace", "temp", "temporary",
    "text", "then", "time", "timestamp", "to", "to_char", "total", "trailing", "transaction_timestamp",
    "transform", "translate", "trigger", "trim", "true", "trunc", "truncate", "type", "typeof", "ucase",
    "union", "unique", "unknown", "unlogged", "unsigned", "update", "upper", "use", "user", "using",
    "utc_timestamp", "uuid_generate_v4", "vacuum", "value", "values", "varying", "view", "virtual", "visible",
    "when", "where", "window", "with", "within", "without", "zerofill", "zone"
};
inline constexpr std::size_t longest_word = 24;

class vocabulary_index {
public:
    consteval vocabulary_index() {
        std::size_t sizes[buckets] = {};
        for (std::size_t i = 0; i < count; ++i) ++sizes[bucket(vocabulary_words[i])];
        std::size_t next[buckets] = {};
        for (std::size_t b = 0, at = 0; b < buckets; ++b) {
            first_[b] = next[b] = at;
            at += sizes[b];
        }
        first_[buckets] = count;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t at = next[bucket(vocabulary_words[i])]++;
            words_[at] = vocabulary_words[i].data();
            ids_[at] = static_cast<word_id>(i + 1);
        }
    }

    // The number of the name of `size` characters at text, in any case; 0 if it is no word.
    constexpr word_id find(const char* text, std::size_t size) const {
        if (size == 0 || size >= longest_word) return 0;
        const std::size_t initial = static_cast<std::size_t>(lowercase.of[static_cast<unsigned char>(text[0])] - 'a');
        if (initial >= 26) return 0;
        const std::size_t b = size * 26 + initial;
        // The bucket's words start with the name's letter: each is compared from the second on, its
        // text lowercase, without a call.
        for (std::size_t i = first_[b], end = first_[b + 1]; i < end; ++i) {
            const char* const word = words_[i];
            std::size_t at = 1;
            while (at < size && lowercase.of[static_cast<unsigned char>(text[at])] == word[at]) ++at;
            if (at == size) return ids_[i];
        }
        return 0;
    }
    constexpr word_id find(std::string_view name) const { return find(name.data(), name.size()); }

private:
    static constexpr std::size_t count = std::size(vocabulary_words);
    static constexpr std::size_t buckets = longest_word * 26;  // by length and first letter
    static consteval std::size_t bucket(std::string_view word) {
        if (word.empty() || word.size() >= longest_word || word[0] < 'a' || word[0] > 'z')
            throw "vocabulary: a word is empty, too long, or does not start with a lowercase letter";
        return word.size() * 26 + static_cast<std::size_t>(word[0] - 'a');
    }
    // The words of bucket b are words_[first_[b]] to words_[first_[b + 1]], numbered ids_[...].
    const char* words_[count] = {};
    word_id ids_[count] = {};
    std::size_t first_[buckets + 1] = {};
};

inline constexpr vocabulary_index vocabulary{};
inline constexpr std::size_t vocabulary_size = std::size(vocabulary_words) + 1;  // 0, no word, among them

// A word as a reader names it, "from", numbered when the reader is compiled.
struct keyword {
    template <std::size_t N>
    consteval keyword(const char (&word)[N]) : id(vocabulary.find(word, N - 1)) {
        if (id == 0) throw "a reader asks for a word that is not in detail/vocabulary.hpp";
    }
    word_id id;
};

}  // namespace ctsql::detail
