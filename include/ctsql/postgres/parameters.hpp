#pragma once
// The parameters of one execution of a prepared statement, encoded for the types the server
// described when it prepared it: binary where ctsql knows the format, text for the server to
// parse otherwise. Cursors, COPY and pipelined batches all bind through it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "../connection.hpp"
#include "../value_io.hpp"
#include "binary.hpp"
#include "session.hpp"

namespace ctsql::postgres::detail {

class parameter_writer {
public:
    // A stream holds the statement: prepared again meanwhile, the cache has a new one, and this
    // one stays. A call ends before any other query can prepare it again.
    parameter_writer(const std::shared_ptr<prepared_statement>& statement, std::string_view query_name,
                     ctsql::detail::cursor_use use)
        : statement_(statement.get()),
          keep_statement_(use == ctsql::detail::cursor_use::stream ? statement : nullptr),
          query_name_(query_name),
          use_(use),
          own_(statement_->buffers_lent ? std::make_unique<parameter_buffers>() : nullptr),
          parameters_(own_ != nullptr ? *own_ : statement_->buffers) {
        statement_->buffers_lent = true;
        parameters_.reset(statement_->parameters.size());
    }
    parameter_writer(parameter_writer&& other) noexcept
        : statement_(std::exchange(other.statement_, nullptr)),
          keep_statement_(std::move(other.keep_statement_)),
          query_name_(other.query_name_),
          use_(other.use_),
          own_(std::move(other.own_)),
          parameters_(other.parameters_) {}
    parameter_writer& operator=(parameter_writer&&) = delete;
    ~parameter_writer() {
        if (statement_ != nullptr && own_ == nullptr) statement_->buffers_lent = false;
    }

    void bind_null(int position) {
        const std::size_t i = index(position);
        parameters_.borrowed[i] = nullptr;
        parameters_.offsets[i] = std::string::npos;
    }
    void bind(int position, bool value) { encode(position, value); }
    void bind(int position, std::int64_t value) { encode(position, value); }
    void bind(int position, std::uint64_t value) { encode(position, value); }
    void bind(int position, double value) { encode(position, value); }
    void bind(int position, std::string_view value) {
        const std::size_t i = index(position);
        // Text the server takes as it is, from the caller's memory, which outlives the call.
        if (use_ == ctsql::detail::cursor_use::call && statement_->parameters[i].kind == wire_kind::text) {
            parameters_.borrowed[i] = value.empty() ? "" : value.data();
            parameters_.lengths[i] = static_cast<int>(value.size());
            parameters_.formats[i] = static_cast<int>(wire_format::binary);
            return;
        }
        encode(position, value);
    }
    void bind(int position, std::span<const std::byte> value) { encode(position, value); }
    // Text and bytes gone before the statement runs (a list element its range makes): copied in.
    void bind_copy(int position, std::string_view value) { encode(position, value); }
    void bind_copy(int position, std::span<const std::byte> value) { encode(position, value); }
    void bind(int position, ctsql::detail::microtime value) { encode(position, value); }
    void bind(int position, const uuid& value) { encode(position, value); }
    template <class Vector>
    void bind_array(const ctsql::detail::argument_site& site, const Vector& values) {
        const std::size_t i = begin(site.position);
        encode_array(statement_->parameters[i], values, parameters_.bytes, site);
        end(i, wire_format::binary);
    }

protected:
    prepared_statement* statement_;
    std::shared_ptr<prepared_statement> keep_statement_;  // a stream's
    std::string_view query_name_;
    ctsql::detail::cursor_use use_;
    // The statement's buffers, lent rather than moved: a call costs neither an allocation nor
    // moves of every buffer. Only while another cursor has them, this one has its own.
    std::unique_ptr<parameter_buffers> own_;
    parameter_buffers& parameters_;

    // Clears the parameters for the next execution, keeping the buffers' memory.
    void clear_parameters() { parameters_.reset(statement_->parameters.size()); }

    static std::size_t index(int position) { return static_cast<std::size_t>(position - 1); }

private:
    std::size_t begin(int position) {
        const std::size_t i = index(position);
        parameters_.borrowed[i] = nullptr;
        parameters_.offsets[i] = parameters_.bytes.size();
        return i;
    }
    void end(std::size_t i, wire_format format) {
        // Text parameters end with a NUL that libpq finds by itself; it is not part of the length.
        parameters_.lengths[i] = static_cast<int>(parameters_.bytes.size() - parameters_.offsets[i]) -
                                 (format == wire_format::text ? 1 : 0);
        parameters_.formats[i] = static_cast<int>(format);
    }

    template <class T>
    void encode(int position, const T& value) {
        const std::size_t i = begin(position);
        const ctsql::detail::argument_site site{query_name_, position};
        end(i, value_encoder{statement_->parameters[i].kind, parameters_.bytes, site}.encode(value));
    }
};

}  // namespace ctsql::postgres::detail
