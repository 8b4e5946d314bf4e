// The reader for program files (program-format.md): checks a parsed JSON document field by field
// and compiles it into a ProgramModel with its Expectation and Bounds. Every problem becomes an
// InputError naming the file, the JSON path and what was expected; nothing escapes as an exception.
//
// Additive extensions to the format, all optional:
//  - "comment": a free string allowed on the top level, on threads and on instructions;
//  - "expect.why": the evidence the expected figures rest on;
//  - "bounds": {"max_depth", "max_executions", "max_seconds", "max_memory_mb", "max_preemptions"}
//    with the meaning of wqcheck::Bounds; they replace the defaults for this file.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/common/model_file.h"
#include "model/program/program.h"

namespace wqcheck {

// Interprets `document` as a program file; `label` (usually the file name) names it in errors.
LoadResult load_program_document(const nlohmann::json& document, const std::string& label);

namespace program {

// Compiles the program part of `document` (not "expect" or "bounds"); throws InputException.
Program compile_program(const nlohmann::json& document);

}  // namespace program
}  // namespace wqcheck
