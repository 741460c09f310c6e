#pragma once
// A one-slot mailbox between a producer (the video decoder) and a consumer (the inference
// worker): put() never blocks and replaces an item nobody took (the newest frame wins; the
// replaced ones are counted as dropped), take() waits at most a given time.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace vp {

template <class T>
class Mailbox {
public:
    void put(T item) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_slot) ++m_dropped;
            m_slot = std::move(item);
            ++m_put;
        }
        m_ready.notify_one();
    }
    // The item, or nothing after `timeout` or once closed and empty.
    std::optional<T> take(std::chrono::milliseconds timeout) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait_for(lock, timeout, [this] { return m_slot.has_value() || m_closed; });
        std::optional<T> out = std::move(m_slot);
        m_slot.reset();
        return out;
    }
    std::optional<T> tryTake() { return take(std::chrono::milliseconds(0)); }
    // Wakes a waiting take(); later puts still work (close is a hint that no more will come).
    void close() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }
    void reopen() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = false;
    }
    void clear() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_slot.reset();
    }
    int64_t dropped() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_dropped;
    }
    int64_t putCount() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_put;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::optional<T> m_slot;
    int64_t m_dropped = 0;
    int64_t m_put = 0;
    bool m_closed = false;
};

}  // namespace vp
