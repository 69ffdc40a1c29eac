#pragma once
// The checks of a call against its query, made when execute or stream is instantiated: the
// row type against the result columns, the arguments against the parameters. Each returns
// the sentence that rejects the call, or an empty text.

#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>

#include <boost/pfr.hpp>

#include "analysis.hpp"
#include "call_arguments.hpp"
#include "diagnostics.hpp"
#include "enum_names.hpp"
#include "dialect.hpp"
#include "inferred_row.hpp"
#include "query.hpp"
#include "reflection.hpp"
#include "row_mapping.hpp"
#include "type_compatibility.hpp"
#include "types.hpp"

namespace ctsql {

namespace detail {

// The index of Row's first field whose type `matches` (given a std::type_identity), or no_field.
template <class Row, class Matches>
constexpr std::size_t first_field(Matches matches) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        const bool hits[] = {matches(std::type_identity<boost::pfr::tuple_element_t<I, Row>>{})..., true};
        std::size_t i = 0;
        while (!hits[i]) ++i;
        return i < sizeof...(I) ? i : no_field;
    }(std::make_index_sequence<field_count<Row>>{});
}

// A field or argument type that holds an array, which only some dialects have.
template <class T>
inline constexpr bool holds_array =
    sql_array_argument<unwrap_optional_t<typename unchecked_traits<std::remove_cvref_t<T>>::value_type>>;

// The checks of a value's C++ type against a column's or a parameter's type below are templates
// of that C++ type and the catalog's, not of the query: every query of a schema shares them, and
// instantiating a check per query cost more than running it.

// What a check of a C++ type is about, as its message names it: "argument 2", "field 'email'",
// "the row type", or an element of one of them. Its words are written only into the message of a
// check that fails: written for every argument that passed, they cost a query 1% of its compile
// time on g++ and 3% on clang.
class checked_item {
public:
    constexpr explicit checked_item(std::string_view words) : name_(words) {}  // "the row type"
    static constexpr checked_item argument(std::size_t number) {  // from 1, of arguments given in order
        checked_item item{{}};
        item.argument_ = number;
        return item;
    }
    static constexpr checked_item field(std::string_view name) {
        checked_item item{name};
        item.field_ = true;
        return item;
    }
    constexpr checked_item element() const {  // an element of this list argument
        checked_item item = *this;
        item.element_ = true;
        return item;
    }

    friend constexpr message& operator<<(message& m, const checked_item& item) {
        if (item.element_) m << "an element of ";
        if (item.argument_ != 0) return m << "argument " << item.argument_;
        if (item.field_) return m << "field '" << item.name_ << "'";
        return m << item.name_;
    }

private:
    std::size_t argument_ = 0;
    std::string_view name_;
    bool field_ = false;
    bool element_ = false;
};

// With a schema's enum type (or an array of one): its labels against the enumerators of E,
// the C++ type of `what`. Reading needs an enumerator for every label, writing a label for
// every enumerator.
template <class E, class Catalog>
constexpr message check_enum_labels(const Catalog& catalog, const sql_type& t, bool reading, std::string_view query,
                                    const checked_item& what) {
    message m;
    if constexpr (sql_array_argument<E>) {
        return check_enum_labels<unwrap_optional_t<array_element_t<E>>>(catalog, t, reading, query, what);
    } else if constexpr (sql_enum<E>) {
        if (t.family != type_family::enumeration) return m;
        const enum_definition& type = catalog.enums[t.enum_index];
        const auto labels = std::span{catalog.labels.begin() + type.first_label, type.label_count};
        const auto enum_name = [&] {
            if (type.name.empty()) m << "the column's ENUM";  // MySQL's inline ENUM('a', 'b')
            else m << "enum '" << type.name << "'";
        };
        if (reading) {
            for (std::string_view label : labels)
                if (!enum_from_label<E>(label)) {
                    m << query << ": label '" << label << "' of ";
                    enum_name();
                    return m << " has no enumerator of that name in " << what;
                }
        } else {
            for (const auto& e : enumerators<E>()) {
                bool found = false;
                for (std::string_view label : labels) found = found || label == e.name;
                if (!found) {
                    m << query << ": enumerator '" << e.name << "' of " << what << " is not a label of ";
                    enum_name();
                    return m;
                }
            }
        }
    }
    return m;
}

// A result column's type and nullability against the C++ type of `field`.
template <class Field, class Catalog>
constexpr message check_column_fit(const Catalog& catalog, const column_type& t, const result_column& column,
                                   std::string_view query, const checked_item& field) {
    message m;
    if constexpr (is_unchecked_v<Field>) return m;  // the caller's word for it
    if (!t.known)
        return m << query << ": the type of result column '" << column.expression
                 << "' cannot be known: add a CAST, or read it into ctsql::unchecked<T>";
    if (t.nullable && !is_optional_v<Field>)
        return m << query << ": result column '" << column.name << "' may be NULL, so " << field
                 << " must be a std::optional";
    using value = unwrap_optional_t<Field>;
    if (!can_read<value>(t.type)) {
        m << query << ": result column '" << column.name << "' (";
        describe_type(m, t.type);
        m << ") does not fit " << field << " (";
        describe_cpp_type<value>(m);
        m << ")";
        return m;
    }
    return check_enum_labels<value>(catalog, t.type, true, query, field);
}

// With a schema: result column `column`'s type against Field.
template <class Query, dialect D, class Field>
constexpr message check_field_type(std::size_t column, const checked_item& field) {
    constexpr auto& a = Query::template analysed<D>;
    return check_column_fit<Field>(Query::schema_type::catalog(), a.column_types[column], a.columns[column], Query::info().name,
                                   field);
}

// Names: every column a field, every field a column, each named once; then the field types.
template <class Query, dialect D, row_struct Row>
constexpr message check_struct_names() {
    constexpr auto& columns = Query::template result_columns<D>();
    message m;
    const std::string_view query = Query::info().name;
    constexpr auto fields = field_names<Row>();
    for (const result_column& c : columns) {
        if (!c.named)
            return m << query << ": result column '" << c.name << "' has no name: give it one with AS <field>";
    }
    for (std::size_t i = 0; i < columns.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (iequals(columns[i].name, columns[j].name))
                return m << query << ": result column '" << columns[i].name << "' appears twice";
    constexpr auto map = column_fields<Row>(columns);
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (map[c] == no_field)
            return m << query << ": result column '" << columns[c].name << "' has no field in the row struct";
    for (std::size_t f = 0; f < fields.size(); ++f) {
        bool used = false;
        for (std::size_t c = 0; c < columns.size(); ++c) used = used || map[c] == f;
        if (!used) return m << query << ": field '" << fields[f] << "' has no result column";
    }
    constexpr std::size_t unreadable = first_field<Row>([]<class F>(std::type_identity<F>) { return !sql_field<F>; });
    if (unreadable != no_field)
        return m << query << ": field '" << fields[unreadable]
                 << "' has a type ctsql cannot read (use bool, integers, floating point, std::string, ctsql::blob, "
                    "std::chrono::sys_time, ctsql::uuid, an enum class, a std::vector of one, or std::optional of one)";
    return m;
}

template <class Query, dialect D, row_struct Row>
constexpr message check_reflectable_row() {
    constexpr std::size_t array_field = first_field<Row>([]<class F>(std::type_identity<F>) { return holds_array<F>; });
    if constexpr (array_field != no_field && !has_arrays(D)) {
        message m;
        return m << Query::info().name << ": field '" << field_names<Row>()[array_field] << "' is an array, which "
                 << to_string(D) << " does not have";
    }
    constexpr message names = check_struct_names<Query, D, Row>();
    if constexpr (!names.empty() || !schema_checked<Query>) {
        return names;
    } else {
        constexpr auto& columns = Query::template result_columns<D>();
        constexpr auto map = column_fields<Row>(columns);
        constexpr auto fields = field_names<Row>();
        message m;
        [&]<std::size_t... C>(std::index_sequence<C...>) {
            ((m.empty() ? void(m = check_field_type<Query, D, boost::pfr::tuple_element_t<map[C], Row>>(
                                   C, checked_item::field(fields[map[C]])))
                        : void()),
             ...);
        }(std::make_index_sequence<columns.size()>{});
        return m;
    }
}

template <class Query, dialect D, row_struct Row>
constexpr message check_struct_row() {
    if constexpr (!reflectable<Row>) {
        message m;
        return m << Query::info().name << ": the row struct has " << field_count<Row>
                 << " fields, more than Boost.PFR reflects (100 in Boost 1.81): read the columns into fewer fields";
    } else {
        return check_reflectable_row<Query, D, Row>();
    }
}

// With a schema and no row type named: every result column has a C++ type to infer.
template <std::size_t Columns, std::size_t Parameters>
constexpr message check_inferable(const analysis<Columns, Parameters>& a, std::string_view query) {
    message m;
    for (std::size_t c = 0; c < a.columns.size(); ++c)
        if (!a.column_types[c].known) {
            return m << query << ": the type of result column '" << a.columns[c].expression
                     << "' cannot be known: add a CAST, or name a row type with a ctsql::unchecked<T> field";
        } else if (!has_inferred_type(a.column_types[c].type)) {
            m << query << ": result column '" << a.columns[c].name << "' (";
            describe_type(m, a.column_types[c].type);
            return m << ") has no C++ type to infer: name the row type, db.execute<Row>(...)";
        }
    return m;
}

// A row type named by the call against the query's result.
template <class Query, dialect D, class Row>
constexpr message check_row() {
    constexpr auto& s = Query::info();
    message m;
    const std::string_view query = s.name;
    if (!returns_rows(s.kind)) {
        m << query << ": '" << to_string(s.kind) << "' query returns no rows, so it takes no row type (the call names one)";
    } else if (const result_column* star = s.first_star(); star != nullptr && !schema_checked<Query>) {
        m << query << ": result column '" << star->expression
          << "' cannot be matched to the row type without a schema: list the columns";
    } else if constexpr (row_struct<Row>) {
        m = check_struct_row<Query, D, Row>();
    } else if constexpr (sql_field<Row>) {
        constexpr auto& columns = Query::template result_columns<D>();
        if (holds_array<Row> && !has_arrays(D))
            m << query << ": the row type is an array, which " << to_string(D) << " does not have";
        else if (columns.size() != 1)
            m << query << ": the row type is a single value, but the result column '" << columns[0].expression
              << "' is not the only one: use a struct";
        else if constexpr (schema_checked<Query>)
            m = check_field_type<Query, D, Row>(0, checked_item{"the row type"});
    } else {
        m << query << ": the row type for result column '" << Query::template result_columns<D>()[0].name
          << "' is neither a struct nor a type ctsql can read";
    }
    return m;
}

// An argument's C++ type A against parameter `spelling`'s type and nullability.
template <class A, class Catalog>
constexpr message check_parameter_fit(const Catalog& catalog, const parameter_type& p, std::string_view spelling,
                                      std::string_view query, const checked_item& what) {
    message m;
    const auto target = [&] {
        if (!p.target.empty()) m << ", column '" << p.target << "'";
    };
    constexpr bool always_null = std::is_same_v<A, std::nullopt_t> || std::is_same_v<A, std::nullptr_t>;
    if ((always_null || is_optional_v<A>) && !p.nullable) {
        m << query << ": parameter '" << spelling << "' cannot be NULL";
        target();
        return m << ", but " << what << " may be";
    }
    if constexpr (!always_null) {
        using value = unwrap_optional_t<A>;
        if (p.known && !can_bind<value>(p.type)) {
            m << query << ": " << what << " (";
            describe_cpp_type<value>(m);
            m << ") does not fit parameter '" << spelling << "' (";
            describe_type(m, p.type);
            target();
            m << ")";
        } else if (p.known) {
            m = check_enum_labels<value>(catalog, p.type, false, query, what);
        }
    }
    return m;
}

// What the checks of a call's arguments need of its query. It is the same type for every query
// of a schema (Catalog; no_schema without one), so that each argument's check is a template of
// its C++ type and the catalog alone, made once for all the queries that take that type.
template <class Catalog>
struct checked_parameters {
    std::string_view query;              // the query's name
    const parameter* parameters;         // the statement's
    std::size_t parameter_count;
    const parameter_type* types;         // with a schema: the parameters' types on the dialect
    const Catalog* catalog;              // with a schema
    dialect backend;
};

// An argument's C++ type against parameter `index`: an array where the dialect has none, and with
// a schema its type and nullability. `what` names the argument: "argument 2", or "field 'email'"
// of a named-parameter struct.
template <class Arg, class Catalog>
constexpr message check_argument_type(const checked_parameters<Catalog>& checked, std::size_t index,
                                      const checked_item& what) {
    const std::string_view spelling = checked.parameters[index].spelling;
    if (holds_array<Arg> && !has_arrays(checked.backend)) {
        message m;
        return m << checked.query << ": " << what << " for parameter '" << spelling << "' is an array, which "
                 << to_string(checked.backend) << " does not have";
    }
    if constexpr (std::is_same_v<Catalog, no_schema>)
        return message{};
    else
        return check_parameter_fit<std::remove_cvref_t<Arg>>(*checked.catalog, checked.types[index], spelling, checked.query,
                                                              what);
}

// An argument of type Arg for parameter `index`, which `what` names: a value ctsql can bind, or
// for a list a sized range of them; then its type, or its elements', against the parameter's.
template <class Arg, class Catalog>
constexpr message check_argument(const checked_parameters<Catalog>& checked, std::size_t index, const checked_item& what) {
    const parameter& p = checked.parameters[index];
    message m;
    if (!p.list) {
        if constexpr (!sql_argument<Arg>)
            return m << checked.query << ": " << what << " for parameter '" << p.spelling
                     << "' has a type ctsql cannot bind";
        else
            return check_argument_type<Arg>(checked, index, what);
    }
    if constexpr (!list_argument<std::remove_cvref_t<Arg>>) {
        return m << checked.query << ": " << what << " for list parameter '" << p.spelling
                 << "' is not a range: pass a std::vector, std::span or std::array of values";
    } else {
        using element = std::ranges::range_value_t<const std::remove_cvref_t<Arg>>;
        if constexpr (!sql_argument<element>)
            return m << checked.query << ": " << what << " for list parameter '" << p.spelling
                     << "' has elements of a type ctsql cannot bind";
        else
            return check_argument_type<element>(checked, index, what.element());
    }
}

template <class Query, class Args, class Catalog>
constexpr message check_named_arguments(const checked_parameters<Catalog>& checked) {
    constexpr auto& s = Query::info();
    constexpr auto map = parameter_fields<Args>(s);
    constexpr std::size_t missing = [&] {
        std::size_t p = 0;
        while (p < s.parameters.size() && map[p] != no_field) ++p;
        return p;
    }();
    message m;
    if constexpr (missing < s.parameters.size()) {
        return m << s.name << ": parameter '" << s.parameters[missing].spelling << "' has no field in the argument struct";
    } else {
        constexpr auto fields = field_names<Args>();
        return [&]<std::size_t... P>(std::index_sequence<P...>) {
            ((m.empty() ? void(m = check_argument<boost::pfr::tuple_element_t<map[P], Args>>(
                                   checked, P, checked_item::field(fields[map[P]])))
                        : void()),
             ...);
            return m;
        }(std::make_index_sequence<s.parameters.size()>{});
    }
}

// Arguments given in order, one per parameter: a template of their types and the catalog alone.
template <class... Args, class Catalog>
constexpr message check_positional_arguments(const checked_parameters<Catalog>& checked) {
    constexpr std::size_t given = sizeof...(Args);
    const std::size_t expected = checked.parameter_count;
    message m;
    if (given < expected)
        return m << checked.query << ": no argument for parameter '" << checked.parameters[given].spelling << "' ("
                 << expected << " expected, " << given << " given)";
    if (given > expected)
        return m << checked.query << ": argument " << (expected + 1) << " has no parameter to bind to (" << expected
                 << " expected, " << given << " given)";
    [&]<std::size_t... P>(std::index_sequence<P...>) {
        ((m.empty() ? void(m = check_argument<Args>(checked, P, checked_item::argument(P + 1))) : void()),
         ...);
    }(std::index_sequence_for<Args...>{});
    return m;
}

}  // namespace detail

// The whole check of `db.execute<Row>(query, args...)` on a backend of dialect D: empty when
// the call is right. The checks it makes per query are few: each template of the query is one
// more entity for the compiler to make and to name by the query's whole text. These checks stay
// constexpr: a consteval function is evaluated as one constant expression, within one budget of
// steps, which a row or an argument struct of 100 fields exceeds on clang.
template <class Query, dialect D, class Row, class... Args>
constexpr message check_call() {
    constexpr auto& s = Query::info();
    message m;
    if constexpr (detail::schema_checked<Query>) m = describe(Query::template analysed<D>, s.name, D);
    if (m.empty() && s.kind == query_kind::execlastid && D == dialect::postgresql)
        m << s.name << ": ':execlastid' is not supported on postgresql, which has no last insert id: "
             "use INSERT ... RETURNING id with :one";
    if constexpr (!std::is_same_v<Row, detail::no_row>) {
        if (m.empty()) m = detail::check_row<Query, D, Row>();
    } else if (m.empty() && returns_rows(s.kind)) {  // no row type named: it is inferred
        if constexpr (detail::schema_checked<Query>)
            m = detail::check_inferable(Query::template analysed<D>, s.name);
        else
            m << s.name << ": name the row type, db.execute<Row>(...), for the result column '" << s.columns[0].name
              << "' (inferring it needs a schema)";
    }
    if (m.empty()) {
        detail::checked_parameters<detail::catalog_type_t<typename Query::schema_type>> checked{
            s.name, s.parameters.begin(), s.parameters.size(), nullptr, nullptr, D};
        if constexpr (detail::schema_checked<Query>) {
            checked.types = Query::template analysed<D>.parameters.data();
            checked.catalog = &Query::schema_type::catalog();
        }
        // The arguments in order, or one struct of named parameters.
        if constexpr (sizeof...(Args) == 1 && (detail::binds_by_name<Args>(s.style) && ...))
            m = detail::check_named_arguments<Query, std::remove_cvref_t<Args>...>(checked);
        else
            m = detail::check_positional_arguments<Args...>(checked);
    }
    // The checks name the query; only a call that fails pays for finding where its text came from.
    return m.empty() ? m : detail::from_origin(detail::query_origin(s.text), m);
}

}  // namespace ctsql
