#include "model/common/input_error.h"

namespace wqcheck {

std::string InputError::to_string() const {
  if (path.empty()) return file + ": " + message;
  return file + ": " + path + ": " + message;
}

InputException::InputException(std::string path, std::string message)
    : std::runtime_error(path.empty() ? message : path + ": " + message),
      path_(std::move(path)),
      message_(std::move(message)) {}

}  // namespace wqcheck
