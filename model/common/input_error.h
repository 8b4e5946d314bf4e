// InputError: what is wrong with a file a user wrote, as a value. It names the file, the JSON
// path inside it (e.g. "threads[1].code[0].index") and what was expected there. Readers throw
// InputException internally for convenience; at the model/ boundary it becomes an InputError,
// and only the command line decides the exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace wqcheck {

struct InputError {
  std::string file;
  std::string path;     // JSON path, "" for the document as a whole
  std::string message;  // what is wrong, and what was expected

  // "FILE: PATH: MESSAGE" (PATH omitted when empty).
  std::string to_string() const;
};

class InputException : public std::runtime_error {
 public:
  InputException(std::string path, std::string message);
  const std::string& path() const { return path_; }
  const std::string& message() const { return message_; }
  InputError at(const std::string& file) const { return InputError{file, path_, message_}; }

 private:
  std::string path_;
  std::string message_;
};

}  // namespace wqcheck
