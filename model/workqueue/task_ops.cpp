#include "model/workqueue/task_ops.h"

#include "model/workqueue/properties.h"

namespace wqcheck::wq {

void wake_up_process(StepContext& c, std::uint8_t slot, WakeSite site) {
  TaskSlot& t = c.d.tasks[slot];
  c.write(Field::kTaskState, slot);
  if (t.state == TaskState::kFreed) {
    c.violate(kNoWakeupAfterFree);
    if (c.d.freed_wake_site == WakeSite::kNone) c.d.freed_wake_site = site;
    return;
  }
  if (t.state == TaskState::kIdle) t.state = TaskState::kRunning;
}

void get_task(StepContext& c, std::uint8_t slot) {
  c.write(Field::kTaskRefs, slot);
  ++c.d.tasks[slot].refs;
}

void put_task(StepContext& c, std::uint8_t slot) {
  TaskSlot& t = c.d.tasks[slot];
  c.write(Field::kTaskRefs, slot);
  --t.refs;
  c.write(Field::kTaskState, slot);
  if (t.refs == 0 && t.state == TaskState::kExited) t.state = TaskState::kFreed;
}

void task_exit(StepContext& c, std::uint8_t slot) {
  TaskSlot& t = c.d.tasks[slot];
  c.write(Field::kTaskState, slot);
  c.read(Field::kTaskRefs, slot);
  t.state = t.refs == 0 ? TaskState::kFreed : TaskState::kExited;
}

}  // namespace wqcheck::wq
