#include "model/workqueue/pool.h"

namespace wqcheck::wq {

bool PoolData::on_idle_list(std::uint8_t slot) const {
  for (std::uint8_t i = 0; i < idle_len; ++i) {
    if (idle_list[i] == slot) return true;
  }
  return false;
}

void PoolData::list_add_head(std::uint8_t slot) {
  for (std::uint8_t i = idle_len; i > 0; --i) idle_list[i] = idle_list[i - 1];
  idle_list[0] = slot;
  ++idle_len;
}

void PoolData::list_del(std::uint8_t slot) {
  std::uint8_t out = 0;
  for (std::uint8_t i = 0; i < idle_len; ++i) {
    if (idle_list[i] != slot) idle_list[out++] = idle_list[i];
  }
  for (std::uint8_t i = out; i < idle_len; ++i) idle_list[i] = 0;
  idle_len = out;
}

}  // namespace wqcheck::wq
