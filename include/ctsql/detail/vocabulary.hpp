#pragma once
// The words ctsql's readers ask of tokens (SQL's keywords, and the functions the analysis types),
// each numbered. The lexer gives every name it reads the number of its word, or 0: whether a
// token is FROM is then one comparison of numbers, where comparing texts cost the compiler a
// call and a loop over characters each time it asked, several times a token.
//
//   if (is_keyword(t, "from")) ...  // "from" is numbered when the reader is compiled
//
// A name is looked up by its key, a number the lexer computes from the characters as it reads
// them (key_of): names of up to 12 characters are told apart by their keys alone, at constant
// cost, where comparing characters costs the compiler tens of thousands of instructions each.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "characters.hpp"

namespace ctsql::detail {

// A word's number; 0 for a name that is none of them.
using word_id = std::uint16_t;

// Each character of a name as a digit in base 40, the same in either case; 0 for a character no
// name holds (character_class::name).
inline constexpr character_table name_codes = [] {
    character_table codes{};
    for (std::size_t c = 0; c < 256; ++c)
        codes.of[c] = static_cast<unsigned char>(c >= 'a' && c <= 'z'   ? c - 'a' + 1
                                                 : c >= 'A' && c <= 'Z' ? c - 'A' + 1
                                                 : c == '_'             ? 27
                                                 : c >= '0' && c <= '9' ? c - '0' + 28
                                                 : c == '$'             ? 38
                                                 : c >= 0x80            ? 39
                                                                        : 0);
    return codes;
}();

// A name's characters as the digits of one number: equal for two names of up to
// exact_key_length characters only if they are the same name but for case. A longer name's key
// wraps around, and a match by it is confirmed by the characters.
using name_key = std::uint64_t;
inline constexpr name_key name_key_base = 40;
inline constexpr std::size_t exact_key_length = 12;  // 40 to the 12th is less than 2 to the 64th

constexpr name_key next_key(name_key key, name_key code) { return key * name_key_base + code; }
constexpr name_key key_of(const char* text, std::size_t size) {
    name_key key = 0;
    for (std::size_t i = 0; i < size; ++i) key = next_key(key, name_codes.of[static_cast<unsigned char>(text[i])]);
    return key;
}

// Each lowercase, starting with a letter, with its key: written by tools/vocabulary_keys.py, not
// computed, since computing them cost every unit that includes ctsql more than a query does (600
// million instructions of clang's); tests/static/lexer.cpp checks them. A reader that asks for a
// word missing here does not compile.
struct vocabulary_word {
    std::string_view text;
    name_key key;
};
inline constexpr vocabulary_word vocabulary_words[] = {
    {"abs", 1699u}, {"access", 110280779u}, {"action", 111375014u}, {"add", 1764u},
    {"aggregate", 7731008450405u}, {"algorithm", 8549934688333u}, {"all", 2092u}, {"alter", 3360218u},
    {"always", 134594619u}, {"analyze", 5532969045u}, {"and", 2164u}, {"any", 2185u}, {"array", 3740865u},
    {"as", 59u}, {"asc", 2363u}, {"attach", 154881728u}, {"auto_increment", 17392285524279501700u},
    {"autoincrement", 7352218976595288964u}, {"avg", 2487u}, {"begin", 5451574u}, {"between", 8756680214u},
    {"bit", 3580u}, {"bit_length", 586659034508008u}, {"bool_and", 390688450164u}, {"bool_or", 9767211818u},
    {"both", 152808u}, {"btrim", 6429173u}, {"by", 105u}, {"call", 194092u}, {"case", 194365u},
    {"cast", 194380u}, {"ceil", 200372u}, {"ceiling", 12823822967u}, {"change", 327766685u},
    {"changes", 13110667419u}, {"char", 204858u}, {"char_length", 33564046554508008u},
    {"character", 20977461984218u}, {"character_length", 5355913046426069736u}, {"charset", 13110942620u},
    {"check", 8200131u}, {"clock_timestamp", 15666850136878891096u}, {"cluster", 13571808218u},
    {"coalesce", 553093470525u}, {"collate", 13855490405u}, {"collation", 22168784655014u},
    {"column", 346402134u}, {"comment", 13858120580u}, {"commit", 346453180u}, {"concat", 346500860u},
    {"concat_ws", 22176055084139u}, {"conflict", 554409742540u}, {"constraint", 887109678158980u},
    {"conversion", 887120431311014u}, {"count", 8674180u}, {"create", 353602405u}, {"cross", 8856779u},
    {"curdate", 14484738405u}, {"current_date", 1483329595461378405u}, {"current_time", 1483329595462414925u},
    {"current_timestamp", 6455465036993413208u}, {"current_user", 1483329595462494618u}, {"data", 258401u},
    {"database", 661506690365u}, {"date_part", 26460742146340u}, {"datetime", 661518094925u},
    {"default", 16911458100u}, {"deferrable", 1082349409347685u}, {"definer", 16911958618u},
    {"delete", 423176805u}, {"dense_rank", 1083716166274171u}, {"desc", 264763u}, {"detach", 423681728u},
    {"discard", 17354434324u}, {"distinct", 694221398540u}, {"do", 175u}, {"domain", 448833974u},
    {"double", 449347685u}, {"drop", 285416u}, {"duplicate", 29721828034405u}, {"else", 339965u},
    {"end", 8564u}, {"enum", 343253u}, {"escape", 560834245u}, {"event", 14216580u}, {"every", 14216745u},
    {"except", 573640660u}, {"exclude", 22946081765u}, {"exists", 574047219u}, {"explain", 22979329974u},
    {"extension", 36782629071014u}, {"extract", 22989953740u}, {"false", 15443965u}, {"fetch", 15712128u},
    {"filter", 638240218u}, {"floor", 16152618u}, {"for", 10218u}, {"foreign", 26158414694u},
    {"format", 653972860u}, {"from", 413413u}, {"full", 418092u}, {"fulltext", 1070316808980u},
    {"function", 1070498575014u}, {"gen_random_uuid", 11006913913746372268u}, {"generated", 46752302176204u},
    {"glob", 467802u}, {"global", 748483252u}, {"grant", 19074180u}, {"greatest", 1221123848780u},
    {"group", 19096856u}, {"group_concat", 3128828997978500860u}, {"having", 823182967u}, {"hex", 13024u},
    {"identity", 1491493135225u}, {"if", 366u}, {"ifnull", 937890092u}, {"ilike", 23822845u}, {"in", 374u},
    {"index", 23942624u}, {"initcap", 38321924856u}, {"initially", 61315095123705u}, {"inner", 23958618u},
    {"insert", 958664740u}, {"instr", 23967218u}, {"intersect", 61358639304140u},
    {"interval", 1533965987252u}, {"into", 599215u}, {"invisible", 61367242819685u}, {"is", 379u},
    {"isnull", 971170092u}, {"join", 664374u}, {"key", 17825u}, {"language", 1971628865885u},
    {"last_insert_id", 16799767831469347372u}, {"last_insert_rowid", 16662877877039650604u},
    {"lateral", 49305948852u}, {"lcase", 30914365u}, {"leading", 49666830967u}, {"least", 31042380u},
    {"left", 776260u}, {"length", 1242508008u}, {"like", 782845u}, {"limit", 31317180u},
    {"listen", 1253088214u}, {"local", 31684852u}, {"localtime", 81113222414925u},
    {"localtimestamp", 4959142119071694936u}, {"locate", 1267394405u}, {"lock", 792131u},
    {"lower", 31717018u}, {"lpad", 793644u}, {"ltrim", 32029173u}, {"match", 33376128u},
    {"materialized", 5468359594117737804u}, {"max", 20864u}, {"md5", 20993u}, {"min", 21174u},
    {"modify", 1369870665u}, {"national", 2299928022452u}, {"natural", 57498972852u}, {"no", 575u},
    {"not", 23020u}, {"nothing", 58931726967u}, {"notify", 1473294665u}, {"notnull", 58932130092u},
    {"now", 23023u}, {"ntile", 37134885u}, {"null", 930092u}, {"nullif", 1488147566u}, {"nulls", 37203699u},
    {"nvl", 23292u}, {"octet_length", 6328192316634508008u}, {"offset", 1551774620u}, {"on", 614u},
    {"only", 982905u}, {"operator", 2523694176618u}, {"or", 618u}, {"order", 39558618u}, {"outer", 39776218u},
    {"over", 995418u}, {"partition", 105097240335014u}, {"policy", 1677582545u}, {"position", 2684849935014u},
    {"pragma", 1684555721u}, {"precision", 107827531471014u}, {"primary", 67403074345u},
    {"printf", 1685079206u}, {"procedure", 107868480290325u}, {"publication", 173292294455055014u},
    {"quote", 44888805u}, {"rand", 1154164u}, {"random", 1846663013u}, {"range", 46166685u},
    {"rank", 1154171u}, {"recursive", 118798485711285u}, {"references", 4752365376901019u},
    {"refresh", 74256520768u}, {"regexp", 1856456976u}, {"reindex", 74263942624u}, {"release", 74271042365u},
    {"rename", 1856898125u}, {"repeat", 1857032060u}, {"replace", 74281729725u}, {"reset", 46430620u},
    {"returning", 118868117390967u}, {"reverse", 74296669565u}, {"revoke", 1857432445u}, {"right", 46667540u},
    {"role", 1176485u}, {"rollback", 3011819649731u}, {"round", 47074164u}, {"row", 29423u},
    {"row_number", 4820776400195418u}, {"rows", 1176939u}, {"rpad", 1177644u}, {"rtrim", 47389173u},
    {"rule", 1186085u}, {"savepoint", 124772905934980u}, {"schema", 1953800521u},
    {"security", 3133802127225u}, {"select", 1959176140u}, {"sequence", 3135234902525u},
    {"server", 1959587418u}, {"session_user", 8026713191904094618u}, {"set", 30620u}, {"sign", 1230694u},
    {"signed", 1969110604u}, {"some", 1240525u}, {"spatial", 79466254452u}, {"split_part", 5087598662146340u},
    {"sql", 31092u}, {"start", 49922340u}, {"statement_timestamp", 8015988146400542808u},
    {"statistics", 5112054731534539u}, {"stored", 1997789004u}, {"string_agg", 5114795437249887u},
    {"strpos", 1997978219u}, {"subscription", 8190027932611855014u}, {"substr", 1999519218u},
    {"substring", 127969229966967u}, {"sum", 31253u}, {"sysdate", 80432898405u}, {"table", 51267685u},
    {"tablespace", 5249810993665725u}, {"temp", 1288536u}, {"temporary", 131946125954345u},
    {"text", 1288980u}, {"then", 1293014u}, {"time", 1294925u}, {"timestamp", 132600369922136u}, {"to", 815u},
    {"to_char", 83525324858u}, {"total", 52192052u}, {"trailing", 3350654222967u},
    {"transaction_timestamp", 7600969805242450008u}, {"transform", 134026698648733u},
    {"translate", 134026699010405u}, {"trigger", 83786699418u}, {"trim", 1309173u}, {"true", 1309645u},
    {"trunc", 52386163u}, {"truncate", 3352714434405u}, {"type", 1320645u}, {"typeof", 2113032606u},
    {"ucase", 53954365u}, {"union", 54671014u}, {"unique", 2186844045u}, {"unknown", 87478680934u},
    {"unlogged", 3499251659404u}, {"unsigned", 3499953110604u}, {"update", 2191618405u}, {"upper", 54809818u},
    {"use", 34365u}, {"user", 1374618u}, {"using", 54990967u}, {"utc_timestamp", 10260674367888441432u},
    {"uuid_generate_v4", 10610527914209660496u}, {"vacuum", 2255586453u}, {"value", 56404045u},
    {"values", 2256161819u}, {"varying", 90262094967u}, {"view", 1422623u}, {"virtual", 91080993652u},
    {"visible", 91082819685u}, {"when", 1485014u}, {"where", 59400725u}, {"window", 2379143023u},
    {"with", 1487208u}, {"within", 2379533174u}, {"without", 95181336860u}, {"zerofill", 4282201998892u},
    {"zone", 1688565u}
};

// The words by key, in a table of twice as many slots as words, each word in the slot of its key
// or the next free one after it: a look-up reads a slot or two of one array, where buckets read
// the bucket's bounds first, and each read of a table held by a global costs the compiler tens of
// thousands of instructions (g++ -0.6%, clang -0.4% of a query).
class vocabulary_index {
public:
    consteval vocabulary_index() {
        for (std::size_t i = 0; i < count; ++i) {
            const vocabulary_word& word = vocabulary_words[i];
            if (word.key == 0) throw "a word's key is 0, which marks a free slot";
            std::size_t slot = word.key % slots;
            for (; keys_[slot] != 0; slot = next(slot))
                if (keys_[slot] == word.key) throw "two words of detail/vocabulary.hpp have one key";
            keys_[slot] = word.key;
            ids_[slot] = static_cast<word_id>(i + 1);
            words_[slot] = word.text.data();
            sizes_[slot] = word.text.size();
        }
    }

    // The number of the name of `size` characters at text, in any case, its key given; 0 if it is
    // no word. No two words share a key, and names of up to exact_key_length characters are told
    // apart by theirs; a longer word's key wraps around, and may be a shorter name's too
    // ("qufswpcluoxd" has autoincrement's), so the sizes are compared, and a longer name's characters.
    constexpr word_id find(name_key key, const char* text, std::size_t size) const {
        std::size_t slot = key % slots;
        for (name_key held = keys_[slot]; held != 0; held = keys_[slot]) {
            if (held == key)
                return sizes_[slot] == size && (size <= exact_key_length || iequals(text, words_[slot], size)) ? ids_[slot]
                                                                                                                : 0;
            slot = next(slot);
        }
        return 0;
    }
    constexpr word_id find(const char* text, std::size_t size) const { return find(key_of(text, size), text, size); }
    constexpr word_id find(std::string_view name) const { return find(name.data(), name.size()); }

private:
    static constexpr std::size_t count = std::size(vocabulary_words);
    static constexpr std::size_t slots = 1021;  // a prime, over which the keys spread
    static_assert(slots >= 2 * count, "the table is kept at most half full, so that most look-ups read one slot");
    static constexpr std::size_t next(std::size_t slot) { return slot + 1 == slots ? 0 : slot + 1; }
    name_key keys_[slots] = {};  // 0: a free slot (every word's key is more)
    word_id ids_[slots] = {};
    const char* words_[slots] = {};
    std::size_t sizes_[slots] = {};
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
