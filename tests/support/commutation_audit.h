// Commutation audit: checks that a model's footprints tell the truth. On states reached by random
// walks, for every pair of enabled actors whose next events the footprints call independent, it
// runs them in both orders and requires (1) each actor's event to be the same either way and
// (2) the same final state; and that stepping one never enables or disables the other unless
// their footprints conflict with the other's blocking footprint. Partial-order reduction is only
// as sound as this.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "explorer/model.h"

namespace wqcheck::testing {

// Returns a description of each broken pair found (empty if none), at most `max_reports`.
std::vector<std::string> audit_commutation(const Model& model, std::uint64_t seed, int walks,
                                           std::size_t max_reports = 5);

}  // namespace wqcheck::testing
