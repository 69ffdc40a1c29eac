#pragma once
// A database server of the fault tests' own, which they kill and start again: its URL and its
// control script (scripts/lib/servers.sh writes one per fault server, taking `kill` or `start`),
// from the environment variables named.

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <utility>

namespace test {

class fault_server {
public:
    fault_server(const char* url_variable, const char* control_variable)
        : url_(std::getenv(url_variable)), control_(std::getenv(control_variable)) {}

    const std::string& url() const { return url_; }

    // The server down, from kill() until end() or the object's destruction, which starts it
    // again: a failed test leaves it running for the next.
    class outage {
    public:
        outage(outage&& other) noexcept : server_(std::exchange(other.server_, nullptr)) {}
        outage& operator=(outage&&) = delete;
        ~outage() {
            if (server_ != nullptr) server_->run("start");
        }
        // Starts the server, and returns once it takes connections.
        void end() {
            const fault_server* server = std::exchange(server_, nullptr);
            REQUIRE_MESSAGE(server->run("start"), "the server did not start again");
        }

    private:
        friend class fault_server;
        const fault_server* server_;
        explicit outage(const fault_server& server) : server_(&server) {}
    };

    // Kills the server as a crash would: every session is cut off at once, and what was not
    // committed is gone when it starts again.
    [[nodiscard]] outage kill() const {
        REQUIRE_MESSAGE(run("kill"), "the server could not be killed");
        return outage{*this};
    }

private:
    std::string url_;
    std::string control_;

    bool run(const char* command) const { return std::system(("'" + control_ + "' " + command).c_str()) == 0; }
};

}  // namespace test
