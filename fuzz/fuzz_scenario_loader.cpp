// libFuzzer target for the scenario loader: each input is written as a scenario file next to copies of the
// helper bases of the bad-scenario corpus (so `base = "_valid_base.toml"` resolves) and loaded. Refusing an
// input with InputErrors is the expected outcome; anything else — a crash, a hang, a sanitizer report, another
// exception — is a finding. Run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "scenario/input_error.hpp"
#include "scenario/loader.hpp"

namespace {
namespace fs = std::filesystem;

fs::path g_input;

void copy_helpers(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(from, ec))
    if (entry.path().filename().string().front() == '_')
      fs::copy_file(entry.path(), to / entry.path().filename(), fs::copy_options::overwrite_existing, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const fs::path dir = fs::temp_directory_path() / ("kyoten-fuzz-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  if (const char* corpus = std::getenv("KYOTEN_FUZZ_HELPERS")) copy_helpers(corpus, dir);
  g_input = dir / "input.toml";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(g_input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    (void)kyoten::scenario::load_scenario(g_input);
  } catch (const kyoten::InputErrors&) {
    // refused with a message: the promised outcome for bad input
  }
  return 0;
}
