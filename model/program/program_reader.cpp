#include "model/program/program_reader.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "model/program/json_fields.h"
#include "model/program/program_model.h"

namespace wqcheck {
namespace program {

namespace {

const std::vector<std::string> kTopFields = {"name", "description", "comment", "shared", "locks",
                                             "threads", "expect", "bounds"};
const std::vector<std::string> kThreadFields = {"name", "count", "locals", "code", "comment"};
const std::vector<std::string> kOps = {"load", "store", "fetch_add", "exchange", "cas", "lock",
                                       "unlock", "set", "branch", "goto", "assert", "assume"};

// Fields each op accepts besides "op", "label" and "comment".
const std::map<std::string, std::vector<std::string>>& op_fields() {
  static const std::map<std::string, std::vector<std::string>> fields = {
      {"load", {"reg", "var", "index"}},
      {"store", {"var", "index", "value"}},
      {"fetch_add", {"var", "index", "value", "reg"}},
      {"exchange", {"var", "index", "value", "reg"}},
      {"cas", {"var", "index", "expected", "desired", "reg"}},
      {"lock", {"lock", "index"}},
      {"unlock", {"lock", "index"}},
      {"set", {"reg", "expr"}},
      {"branch", {"if", "goto"}},
      {"goto", {"to"}},
      {"assert", {"cond"}},
      {"assume", {"cond"}},
  };
  return fields;
}

Op op_from_name(const std::string& name) {
  for (std::size_t i = 0; i < kOps.size(); ++i) {
    if (kOps[i] == name) return static_cast<Op>(i);
  }
  return Op::kSet;
}

class Compiler {
 public:
  Program compile(const nlohmann::json& doc) {
    expect_object(doc, "", "a program file");
    check_fields(doc, "", kTopFields);
    if (auto it = doc.find("name"); it != doc.end()) out_.name = read_string(*it, "name", "the program's name");
    if (auto it = doc.find("description"); it != doc.end()) read_string(*it, "description", "a description");
    if (auto it = doc.find("comment"); it != doc.end()) read_string(*it, "comment", "a comment");
    if (auto it = doc.find("shared"); it != doc.end()) read_shared(*it);
    if (auto it = doc.find("locks"); it != doc.end()) read_locks(*it);
    const nlohmann::json& threads = require_field(doc, "threads", "", "an array of threads");
    if (!threads.is_array() || threads.empty()) {
      throw InputException("threads", fmt::format("expected a non-empty array of threads, found {}",
                                                   describe_value(threads)));
    }
    std::uint32_t actions = 0;
    std::size_t actors = 0;
    for (std::size_t t = 0; t < threads.size(); ++t) {
      ThreadCode code = read_thread(threads[t], index_path("threads", t));
      for (const ThreadCode& other : out_.threads) {
        if (other.name == code.name) {
          throw InputException(field_path(index_path("threads", t), "name"),
                               fmt::format("duplicate thread name \"{}\"; expected a unique name", code.name));
        }
      }
      code.first_action = actions;
      actions += static_cast<std::uint32_t>(code.code.size());
      actors += code.count;
      if (actors > kMaxActors) {
        throw InputException(index_path("threads", t),
                             fmt::format("too many threads: at most {} copies in all", kMaxActors));
      }
      out_.threads.push_back(std::move(code));
    }
    return std::move(out_);
  }

 private:
  static constexpr std::size_t kMaxActors = 256;
  static constexpr std::int64_t kMaxArray = 1 << 20;

  void check_new_name(const std::string& name, const std::string& path) {
    if (names_.count(name) != 0) {
      throw InputException(path, fmt::format("\"{}\" is declared twice; shared variables and locks "
                                             "need distinct names", name));
    }
    if (name == "tid") throw InputException(path, "\"tid\" is reserved for the thread copy's index");
    names_.insert(name);
  }

  void read_shared(const nlohmann::json& shared) {
    expect_object(shared, "shared", "shared variables, e.g. {\"x\": 0, \"a\": [0, 0]}");
    for (auto it = shared.begin(); it != shared.end(); ++it) {
      const std::string path = field_path("shared", it.key());
      if (!is_identifier(it.key())) {
        throw InputException(path, fmt::format("\"{}\" is not a valid variable name", it.key()));
      }
      check_new_name(it.key(), path);
      Object v;
      v.name = it.key();
      v.base = static_cast<std::uint32_t>(out_.initial_memory.size());
      if (it->is_array()) {
        if (it->empty() || static_cast<std::int64_t>(it->size()) > kMaxArray) {
          throw InputException(path, "expected a non-empty array of integers (initial values)");
        }
        if (static_cast<std::int64_t>(out_.initial_memory.size() + it->size()) > kMaxArray) {
          throw InputException(path, fmt::format("too much shared memory: at most {} integers in all", kMaxArray));
        }
        v.is_array = true;
        v.size = static_cast<std::uint32_t>(it->size());
        for (std::size_t i = 0; i < it->size(); ++i) {
          out_.initial_memory.push_back(read_int((*it)[i], index_path(path, i)));
        }
      } else {
        if (!it->is_number_integer()) {
          throw InputException(path, fmt::format("expected an integer or an array of integers, found {}",
                                                 describe_value(*it)));
        }
        out_.initial_memory.push_back(read_int(*it, path));
      }
      variable_index_[v.name] = static_cast<std::int32_t>(out_.variables.size());
      out_.variables.push_back(std::move(v));
    }
  }

  void add_mutex(const std::string& name, std::int64_t size, bool is_array, const std::string& path) {
    if (!is_identifier(name)) throw InputException(path, fmt::format("\"{}\" is not a valid lock name", name));
    check_new_name(name, path);
    if (static_cast<std::int64_t>(out_.lock_slots) + size > kMaxArray) {
      throw InputException(path, fmt::format("too many mutexes: at most {} in all, counting every "
                                             "element of a lock array", kMaxArray));
    }
    Object m;
    m.name = name;
    m.base = out_.lock_slots;
    m.size = static_cast<std::uint32_t>(size);
    m.is_array = is_array;
    out_.lock_slots += m.size;
    mutex_index_[name] = static_cast<std::int32_t>(out_.mutexes.size());
    out_.mutexes.push_back(std::move(m));
  }

  void read_locks(const nlohmann::json& locks) {
    if (locks.is_array()) {
      for (std::size_t i = 0; i < locks.size(); ++i) {
        add_mutex(read_string(locks[i], index_path("locks", i), "a lock name"), 1, false,
                  index_path("locks", i));
      }
    } else if (locks.is_object()) {
      for (auto it = locks.begin(); it != locks.end(); ++it) {
        const std::string path = field_path("locks", it.key());
        std::int64_t n = read_int(*it, path);
        if (n < 1 || n > kMaxArray) {
          throw InputException(path, fmt::format("expected the size of the lock array (1..{}), found {}", kMaxArray, n));
        }
        add_mutex(it.key(), n, true, path);
      }
    } else {
      throw InputException("locks", fmt::format("expected an array of lock names or an object of lock "
                                                "arrays with their sizes, found {}", describe_value(locks)));
    }
  }

  // --- threads ---

  ThreadCode read_thread(const nlohmann::json& j, const std::string& path) {
    expect_object(j, path, "a thread");
    check_fields(j, path, kThreadFields);
    ThreadCode t;
    t.name = read_string(require_field(j, "name", path, "the thread's name"), field_path(path, "name"),
                         "the thread's name");
    if (t.name.empty()) throw InputException(field_path(path, "name"), "expected a non-empty thread name");
    if (auto it = j.find("count"); it != j.end()) {
      std::int64_t n = read_int(*it, field_path(path, "count"));
      if (n < 1 || n > static_cast<std::int64_t>(kMaxActors)) {
        throw InputException(field_path(path, "count"),
                             fmt::format("expected a number of copies from 1 to {}, found {}", kMaxActors, n));
      }
      t.count = static_cast<std::uint32_t>(n);
      t.has_count = true;
    }
    registers_.clear();
    registers_["tid"] = 0;
    t.registers = {"tid"};
    t.initial = {0};
    current_ = &t;
    if (auto it = j.find("locals"); it != j.end()) read_locals(*it, field_path(path, "locals"), t);
    const nlohmann::json& code = require_field(j, "code", path, "the thread's code (an array of instructions)");
    const std::string code_path = field_path(path, "code");
    if (!code.is_array()) {
      throw InputException(code_path, fmt::format("expected an array of instructions, found {}", describe_value(code)));
    }
    read_labels(code, code_path);
    for (std::size_t i = 0; i < code.size(); ++i) {
      t.code.push_back(read_instruction(code[i], index_path(code_path, i), code.size()));
    }
    t.initial.resize(t.registers.size(), 0);
    current_ = nullptr;
    return t;
  }

  void read_locals(const nlohmann::json& locals, const std::string& path, ThreadCode& t) {
    expect_object(locals, path, "initial register values, e.g. {\"i\": 3}");
    for (auto it = locals.begin(); it != locals.end(); ++it) {
      const std::string p = field_path(path, it.key());
      if (it.key() == "tid") throw InputException(p, "locals may not set \"tid\": it is the copy's index");
      std::int64_t value = read_int(*it, p);
      std::int64_t r = destination(it.key(), p);
      t.initial.resize(t.registers.size(), 0);
      t.initial[static_cast<std::size_t>(r)] = value;
    }
  }

  void read_labels(const nlohmann::json& code, const std::string& code_path) {
    labels_.clear();
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (!code[i].is_object()) continue;  // reported when the instruction is read
      auto it = code[i].find("label");
      if (it == code[i].end()) continue;
      const std::string path = field_path(index_path(code_path, i), "label");
      std::string label = read_identifier(*it, path, "a label");
      if (label == "end") throw InputException(path, "\"end\" is reserved for the end of the thread; choose another label");
      if (!labels_.emplace(label, static_cast<std::uint32_t>(i)).second) {
        throw InputException(path, fmt::format("duplicate label \"{}\" (first at instruction {})", label, labels_[label]));
      }
    }
  }

  std::uint32_t target(const nlohmann::json& j, const std::string& path, std::size_t code_size) {
    std::string label = read_string(j, path, "a label");
    if (label == "end") return static_cast<std::uint32_t>(code_size);
    auto it = labels_.find(label);
    if (it == labels_.end()) {
      std::vector<std::string> known = {"end"};
      for (const auto& [name, index] : labels_) known.push_back(name);
      throw InputException(path, fmt::format("unknown label \"{}\"{}; expected a label of this thread or \"end\"",
                                             label, did_you_mean(label, known)));
    }
    return it->second;
  }

  std::string not_a_register(const std::string& name) const {
    if (variable_index_.count(name) != 0) {
      return fmt::format("\"{}\" is a shared variable, not a register; read it with a \"load\" first", name);
    }
    if (mutex_index_.count(name) != 0) return fmt::format("\"{}\" is a lock, not a register", name);
    return "";
  }

  // A register written by an instruction or set by locals.
  std::int64_t destination(const std::string& name, const std::string& path) {
    if (!is_identifier(name)) throw InputException(path, fmt::format("\"{}\" is not a valid register name", name));
    if (name == "tid") throw InputException(path, "\"tid\" is read-only: it is the copy's index");
    if (std::string why = not_a_register(name); !why.empty()) throw InputException(path, why);
    return register_index(name);
  }

  std::int64_t register_index(const std::string& name) {
    auto [it, inserted] = registers_.emplace(name, static_cast<std::int64_t>(current_->registers.size()));
    if (inserted) current_->registers.push_back(name);
    return it->second;
  }

  Expression expression(const nlohmann::json& j, const std::string& path) {
    if (j.is_number_integer()) return Expression::constant(read_int(j, path));
    if (!j.is_string()) {
      throw InputException(path, fmt::format("expected an expression (a string such as \"i + 1\", or an "
                                             "integer), found {}", describe_value(j)));
    }
    try {
      return compile_expression(j.get<std::string>(), [this](const std::string& name) {
        if (std::string why = not_a_register(name); !why.empty()) throw InputException("", why);
        return register_index(name);
      });
    } catch (const InputException& e) {
      throw InputException(path, e.message());
    }
  }

  const nlohmann::json& field(const nlohmann::json& j, const std::string& key, const std::string& path,
                              const std::string& op, const std::string& what) {
    return require_field(j, key, path, fmt::format("{} for \"{}\"", what, op));
  }

  // The variable or mutex an instruction names, and its index expression.
  void read_target_object(const nlohmann::json& j, const std::string& path, bool is_lock, Instruction& in) {
    const std::string key = is_lock ? "lock" : "var";
    const std::string p = field_path(path, key);
    std::string name = read_string(field(j, key, path, kOps[static_cast<std::size_t>(in.op)],
                                         is_lock ? "the lock's name" : "the shared variable's name"),
                                   p, is_lock ? "a lock name" : "a shared variable name");
    const auto& index = is_lock ? mutex_index_ : variable_index_;
    auto it = index.find(name);
    if (it == index.end()) {
      std::vector<std::string> known;
      for (const auto& [n, i] : index) known.push_back(n);
      std::string hint = did_you_mean(name, known);
      if ((is_lock ? variable_index_ : mutex_index_).count(name) != 0) {
        hint = is_lock ? " (it is a shared variable, not a lock)" : " (it is a lock, not a shared variable)";
      }
      throw InputException(p, fmt::format("unknown {} \"{}\"{}", is_lock ? "lock" : "shared variable", name, hint));
    }
    in.object = it->second;
    const Object& object = is_lock ? out_.mutexes[static_cast<std::size_t>(in.object)]
                                   : out_.variables[static_cast<std::size_t>(in.object)];
    auto idx = j.find("index");
    if (object.is_array && idx == j.end()) {
      throw InputException(path, fmt::format("missing field \"index\": \"{}\" is an array of {}", name, object.size));
    }
    if (!object.is_array && idx != j.end()) {
      throw InputException(field_path(path, "index"), fmt::format("\"{}\" is not an array; remove \"index\"", name));
    }
    if (idx != j.end()) in.index = expression(*idx, field_path(path, "index"));
  }

  Instruction read_instruction(const nlohmann::json& j, const std::string& path, std::size_t code_size) {
    expect_object(j, path, "an instruction");
    const nlohmann::json& op_json = require_field(j, "op", path, "the instruction's \"op\"");
    std::string op = read_string(op_json, field_path(path, "op"), "an op name");
    auto fields_it = op_fields().find(op);
    if (fields_it == op_fields().end()) {
      std::string list;
      for (const std::string& o : kOps) list += (list.empty() ? "" : ", ") + o;
      throw InputException(field_path(path, "op"), fmt::format("unknown op \"{}\"{}; expected one of: {}", op,
                                                               did_you_mean(op, kOps), list));
    }
    std::vector<std::string> allowed = fields_it->second;
    allowed.insert(allowed.end(), {"op", "label", "comment"});
    check_fields(j, path, allowed);
    if (auto it = j.find("comment"); it != j.end()) read_string(*it, field_path(path, "comment"), "a comment");
    Instruction in;
    in.op = op_from_name(op);
    in.path = path;
    auto reg = [&](bool required) {
      auto it = j.find("reg");
      if (it == j.end()) {
        if (required) field(j, "reg", path, op, "the destination register");
        return;
      }
      const std::string p = field_path(path, "reg");
      in.reg = static_cast<std::int32_t>(destination(read_string(*it, p, "a register name"), p));
    };
    auto expr = [&](const std::string& key, const std::string& what) {
      return expression(field(j, key, path, op, what), field_path(path, key));
    };
    switch (in.op) {
      case Op::kLoad: read_target_object(j, path, false, in); reg(true); break;
      case Op::kStore: read_target_object(j, path, false, in); in.value = expr("value", "the value to store"); break;
      case Op::kFetchAdd:
      case Op::kExchange:
        read_target_object(j, path, false, in);
        in.value = expr("value", "the operand");
        reg(false);
        break;
      case Op::kCas:
        read_target_object(j, path, false, in);
        in.value = expr("expected", "the expected value");
        in.desired = expr("desired", "the value to write on success");
        reg(false);
        break;
      case Op::kLock:
      case Op::kUnlock: read_target_object(j, path, true, in); break;
      case Op::kSet: reg(true); in.value = expr("expr", "the value"); break;
      case Op::kBranch:
        in.value = expr("if", "the condition");
        in.target = target(field(j, "goto", path, op, "the label to jump to"), field_path(path, "goto"), code_size);
        break;
      case Op::kGoto:
        in.target = target(field(j, "to", path, op, "the label to jump to"), field_path(path, "to"), code_size);
        break;
      case Op::kAssert:
      case Op::kAssume: in.value = expr("cond", "the condition"); break;
    }
    return in;
  }

  Program out_;
  std::set<std::string> names_;
  std::map<std::string, std::int32_t> variable_index_;
  std::map<std::string, std::int32_t> mutex_index_;
  std::map<std::string, std::int64_t> registers_;
  std::map<std::string, std::uint32_t> labels_;
  ThreadCode* current_ = nullptr;
};

Expectation read_expect(const nlohmann::json& j, const std::vector<Property>& properties) {
  expect_object(j, "expect", "what the checker must find, e.g. {\"verdict\": \"safe\", \"executions\": 12}");
  check_fields(j, "expect", {"verdict", "executions", "why"});
  Expectation e;
  std::vector<std::string> names;
  for (const Property& p : properties) names.push_back(p.name);
  auto violated = [&](const nlohmann::json& v, const std::string& path) {
    std::string name = read_string(v, path, "a property name");
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw InputException(path, fmt::format("unknown property \"{}\"{}; expected \"safe\", \"assertion\", "
                                             "\"deadlock\" or \"program-error\"", name, did_you_mean(name, names)));
    }
    e.properties[name] = Status::kViolated;
  };
  if (auto it = j.find("verdict"); it != j.end()) {
    if (it->is_string() && it->get<std::string>() == "safe") {
      for (const std::string& n : names) e.properties[n] = Status::kHolds;
    } else if (it->is_array()) {
      if (it->empty()) throw InputException("expect.verdict", "expected a non-empty list of property names");
      for (std::size_t i = 0; i < it->size(); ++i) violated((*it)[i], index_path("expect.verdict", i));
    } else {
      violated(*it, "expect.verdict");
    }
  }
  if (auto it = j.find("executions"); it != j.end()) {
    std::int64_t n = read_int(*it, "expect.executions");
    if (n < 0) throw InputException("expect.executions", "expected a non-negative number of executions");
    e.executions = static_cast<std::uint64_t>(n);
  }
  if (auto it = j.find("why"); it != j.end()) e.why = read_string(*it, "expect.why", "the evidence");
  return e;
}

Bounds read_bounds(const nlohmann::json& j) {
  expect_object(j, "bounds", "search bounds, e.g. {\"max_depth\": 1000}");
  check_fields(j, "bounds", {"max_depth", "max_executions", "max_seconds", "max_memory_mb", "max_preemptions"});
  Bounds b;
  auto count = [&](const char* key, std::uint64_t& out) {
    if (auto it = j.find(key); it != j.end()) {
      std::int64_t n = read_int(*it, field_path("bounds", key));
      if (n < 0) throw InputException(field_path("bounds", key), "expected a non-negative integer (0 = no limit)");
      out = static_cast<std::uint64_t>(n);
    }
  };
  count("max_depth", b.max_depth);
  count("max_executions", b.max_executions);
  count("max_memory_mb", b.max_memory_mb);
  if (auto it = j.find("max_seconds"); it != j.end()) {
    if (!it->is_number() || it->get<double>() < 0) {
      throw InputException("bounds.max_seconds", "expected a non-negative number of seconds (0 = no limit)");
    }
    b.max_seconds = it->get<double>();
  }
  if (auto it = j.find("max_preemptions"); it != j.end()) {
    b.max_preemptions = read_int(*it, "bounds.max_preemptions");
    if (b.max_preemptions < -1) throw InputException("bounds.max_preemptions", "expected -1 (unbounded) or more");
  }
  return b;
}

}  // namespace

Program compile_program(const nlohmann::json& document) { return Compiler().compile(document); }

}  // namespace program

LoadResult load_program_document(const nlohmann::json& document, const std::string& label) {
  try {
    auto model = std::make_unique<program::ProgramModel>(program::compile_program(document));
    ModelFile file;
    file.path = label;
    file.document = document;
    if (auto it = document.find("expect"); it != document.end()) {
      file.expect = program::read_expect(*it, model->properties());
    }
    if (auto it = document.find("bounds"); it != document.end()) file.bounds = program::read_bounds(*it);
    for (std::size_t i = 0; i < model->properties().size(); ++i) file.checked.push_back(i);
    file.model = std::move(model);
    return file;
  } catch (const InputException& e) {
    return e.at(label);
  } catch (const std::exception& e) {
    return InputError{label, "", std::string("cannot read the program: ") + e.what()};
  }
}

}  // namespace wqcheck
