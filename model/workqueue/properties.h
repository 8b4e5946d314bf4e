// The named properties of the workqueue model, each with a one-sentence definition. Steps record
// a violation in WqData::violated when they break one; no-stranded-work, no-hang,
// kicked-worker-survives and no-stranded-kicked-work are decided on terminal states (the last two
// from WqData::culled_kicked, which set_worker_dying() records), so that an execution in which the
// seed's mechanism fires goes on to show whether its consequence follows.
#pragma once

#include <vector>

#include "explorer/model.h"
#include "model/workqueue/state.h"

namespace wqcheck::wq {

enum PropertyBit : int {
  kNoStrandedWork = 0,
  kKickedWorkerSurvives = 1,
  kIdleListConsistent = 2,
  kNoWakeupAfterFree = 3,
  kDieNeverWorks = 4,
  kKernelWarns = 5,
  kNoHang = 6,
  kNoStrandedKickedWork = 7,
  kNoWorkerOnFreedPool = 8,
  kPropertyCount = 9,
};

const std::vector<Property>& workqueue_properties();

// Terminal classification: the worklist is not empty / someone waits forever.
PropertySet terminal_property_violations(const WqData& d);

// idle-list-consistent, evaluated at the end of every step that holds pool->lock: nr_idle equals
// the list length, no DIE worker is listed, and a worker without DIE is listed iff IDLE is set.
bool idle_list_consistent(const WqData& d);

}  // namespace wqcheck::wq
