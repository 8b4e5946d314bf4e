#include "tests/support/random_program.h"

#include "explorer/random_walk.h"

#include <string>
#include <vector>

namespace wqcheck::testing {

namespace {

// The explorer's splitmix64, with the helpers the generator wants.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : gen_(seed) {}
  int below(int n) { return static_cast<int>(gen_.next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

 private:
  SplitMix64 gen_;
};

struct Shape {
  int scalars = 1;
  bool array = false;
  bool mutex = false;
};

// A variable reference: {"var": "x1"} or {"var": "arr", "index": k}.
void pick_variable(Rng& rng, const Shape& shape, nlohmann::json& in) {
  int choices = shape.scalars + (shape.array ? 1 : 0);
  int c = rng.below(choices);
  if (c < shape.scalars) {
    in["var"] = "x" + std::to_string(c);
  } else {
    in["var"] = "arr";
    in["index"] = rng.below(2);
  }
}

nlohmann::json random_thread(Rng& rng, const Shape& shape, int number) {
  nlohmann::json code = nlohmann::json::array();
  const int visible = 1 + rng.below(4);
  bool holding = false;
  int loaded = 0;  // registers r0..r{loaded-1} hold loaded values
  int labels = 0;
  std::vector<std::size_t> pending_skips;  // branches whose target is the next visible instruction
  auto add = [&](nlohmann::json in) {
    if (!pending_skips.empty() && in.contains("op") && in["op"] != "branch") {
      std::string label = "L" + std::to_string(labels++);
      in["label"] = label;
      for (std::size_t b : pending_skips) code[b]["goto"] = label;
      pending_skips.clear();
    }
    code.push_back(std::move(in));
  };
  for (int v = 0; v < visible; ++v) {
    nlohmann::json in;
    int kind = rng.below(100);
    const std::string reg = "r" + std::to_string(loaded);
    if (shape.mutex && kind < 15) {
      in = {{"op", holding ? "unlock" : "lock"}, {"lock", "m"}};
      holding = !holding;
      add(in);
      continue;
    }
    if (kind < 45) {
      in = {{"op", "load"}, {"reg", reg}};
      pick_variable(rng, shape, in);
      ++loaded;
    } else if (kind < 65) {
      in = {{"op", "store"}};
      pick_variable(rng, shape, in);
      in["value"] = loaded > 0 && rng.chance(50) ? nlohmann::json("r" + std::to_string(rng.below(loaded)) + " + 1")
                                                 : nlohmann::json(1 + rng.below(2));
    } else if (kind < 75) {
      in = {{"op", "fetch_add"}, {"value", 1}, {"reg", reg}};
      pick_variable(rng, shape, in);
      ++loaded;
    } else if (kind < 82) {
      in = {{"op", "exchange"}, {"value", 1 + rng.below(2)}, {"reg", reg}};
      pick_variable(rng, shape, in);
      ++loaded;
    } else {
      in = {{"op", "cas"}, {"expected", rng.below(2)}, {"desired", 1 + rng.below(2)}, {"reg", reg}};
      pick_variable(rng, shape, in);
      ++loaded;
    }
    add(in);
    if (loaded == 0) continue;
    // Sometimes act on a value just loaded: branch over the next instruction, assume or assert.
    const std::string last = "r" + std::to_string(loaded - 1);
    int after = rng.below(100);
    if (after < 20 && v + 1 < visible) {
      pending_skips.push_back(code.size());
      code.push_back({{"op", "branch"}, {"if", last + " == " + std::to_string(rng.below(2))}, {"goto", "end"}});
    } else if (after < 25) {
      code.push_back({{"op", "branch"}, {"if", last + " != 0"}, {"goto", "end"}});
    } else if (after < 32) {
      add({{"op", "assume"}, {"cond", last + " != " + std::to_string(1 + rng.below(2))}});
    } else if (after < 38) {
      add({{"op", "assert"}, {"cond", last + " != 2"}});
    }
  }
  if (holding && rng.chance(70)) add({{"op", "unlock"}, {"lock", "m"}});
  for (std::size_t b : pending_skips) code[b]["goto"] = "end";
  return {{"name", "t" + std::to_string(number)}, {"code", code}};
}

}  // namespace

nlohmann::json random_program(std::uint64_t seed) {
  Rng rng(seed * 0x2545F4914F6CDD1Dull + 1);
  Shape shape;
  shape.scalars = 1 + rng.below(3);
  shape.array = rng.chance(25);
  shape.mutex = rng.chance(30);
  nlohmann::json shared = nlohmann::json::object();
  for (int i = 0; i < shape.scalars; ++i) shared["x" + std::to_string(i)] = 0;
  if (shape.array) shared["arr"] = {0, 0};
  nlohmann::json program = {{"name", "random-" + std::to_string(seed)}, {"shared", shared}};
  if (shape.mutex) program["locks"] = {"m"};
  const int threads = 2 + rng.below(2);
  nlohmann::json list = nlohmann::json::array();
  for (int t = 0; t < threads; ++t) list.push_back(random_thread(rng, shape, t));
  program["threads"] = list;
  return program;
}

}  // namespace wqcheck::testing
