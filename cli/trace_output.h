// `check --trace-out DIR`: after a check, each violated property's counterexample is shortened
// (cli/shorten.h) and written as DIR/STEM.PROPERTY.json, where STEM is the checked file's name
// without ".json". An existing file is never overwritten unless `force` is set; that, or any
// other failure to write, is reported with the path and makes the check exit 2.
#pragma once

#include <iosfwd>
#include <string>

#include "cli/shorten.h"
#include "explorer/explore.h"
#include "model/common/model_file.h"

namespace wqcheck {

struct TraceOutput {
  std::string dir;  // "" = write no traces
  bool force = false;
  ShortenMode shorten = ShortenMode::kAuto;
};

// The file a counterexample of `property` found in `checked_file` is written to.
std::string trace_path_for(const std::string& dir, const std::string& checked_file,
                           const std::string& property);

// Writes one trace per violated property of `result`; says where on `report` (one line each)
// and what went wrong on `err`. Returns false if some trace could not be written.
bool write_counterexamples(const ModelFile& file, const Result& result, const TraceOutput& output,
                           std::ostream& report, std::ostream& err);

// Prints each violated property's counterexample, shortened, as CPU columns (one rendering per
// distinct schedule: properties violated by the same steps share it).
void print_counterexamples(const ModelFile& file, const Result& result, ShortenMode mode,
                           std::ostream& out);

}  // namespace wqcheck
