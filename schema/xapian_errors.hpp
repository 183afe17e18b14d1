#pragma once
// The public API promises newsdesk errors only: Xapian's are translated at its edge.
#include <xapian.h>

#include <newsdesk/errors.hpp>

namespace newsdesk {

template <typename Work>
auto translate_xapian_errors(Work work) {
    try {
        return work();
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseLocked(e.get_description());
    } catch (const Xapian::DatabaseNotFoundError& e) {
        throw DatabaseMissing(e.get_description());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(e.get_description());
    }
}

} // namespace newsdesk
