#include "core/base/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>

#include "core/base/error.h"

namespace sds {
namespace {

namespace fs = std::filesystem;

// ---- temporaries removed on SIGINT / SIGTERM ----
// Fixed slots, lock-free flags: the handler may only use async-signal-safe calls.
constexpr int kSlots = 64;
constexpr size_t kSlotPath = 4096;
struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 registered
  bool folder = false;
  char path[kSlotPath];
};
Slot g_slots[kSlots];
struct sigaction g_previous[2];
constexpr int kSignals[2] = {SIGINT, SIGTERM};

struct LinuxDirent64 {
  uint64_t d_ino;
  int64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[1];
};

// Removes the entries of the open folder `dir` (subfolders `depth` levels deep)
// with raw syscalls only. Repeats until a pass finds nothing, as removing while
// listing may skip entries.
void removeEntriesSignalSafe(int dir, int depth) {
  alignas(8) char buf[2048];
  for (int pass = 0; pass < 64; ++pass) {
    bool removed = false;
    ::lseek(dir, 0, SEEK_SET);
    for (;;) {
      const long n = ::syscall(SYS_getdents64, dir, buf, sizeof buf);
      if (n <= 0) break;
      for (long off = 0; off < n;) {
        const auto* d = reinterpret_cast<const LinuxDirent64*>(buf + off);
        off += d->d_reclen;
        const char* name = d->d_name;
        if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
        if (d->d_type == DT_DIR && depth > 0) {
          const int sub = ::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (sub >= 0) {
            removeEntriesSignalSafe(sub, depth - 1);
            ::close(sub);
          }
          removed |= ::unlinkat(dir, name, AT_REMOVEDIR) == 0;
        } else {
          removed |= ::unlinkat(dir, name, 0) == 0;
        }
      }
    }
    if (!removed) return;
  }
}

extern "C" void removeTemporariesOnSignal(int sig) {
  const int saved_errno = errno;
  for (auto& slot : g_slots) {
    if (slot.state.load() != 2) continue;
    if (slot.folder) {
      const int dir = ::open(slot.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (dir >= 0) {
        removeEntriesSignalSafe(dir, 4);
        ::close(dir);
      }
      ::rmdir(slot.path);
    } else {
      ::unlink(slot.path);
    }
  }
  // Then whatever was there before (by default: terminate with this signal).
  for (int i = 0; i < 2; ++i)
    if (kSignals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  errno = saved_errno;
  ::raise(sig);
}

void installHandlersOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int i = 0; i < 2; ++i) {
      struct sigaction current {};
      ::sigaction(kSignals[i], nullptr, &current);
      if (current.sa_handler == SIG_IGN) continue;  // the caller asked to ignore it: keep that
      struct sigaction sa {};
      sa.sa_handler = removeTemporariesOnSignal;
      sigemptyset(&sa.sa_mask);
      ::sigaction(kSignals[i], &sa, &g_previous[i]);
    }
  });
}

// Returns the slot, or -1 when all are taken (the next run's sweep removes it then).
int registerTemporary(const std::string& path, bool folder) {
  installHandlersOnce();
  if (path.size() >= kSlotPath) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].folder = folder;
    g_slots[i].state.store(2);
    return i;
  }
  return -1;
}

void unregisterTemporary(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0);
}

// ---- names ----

const char kPartTag[] = ".part-";

std::string temporaryNameFor(const std::string& path) {
  std::random_device rd;
  std::ostringstream name;
  name << path << kPartTag << ::getpid() << "-" << std::hex << rd() << rd();
  return name.str();
}

// The pid in "<name>.part-<pid>-<hex>", or 0 for another name.
long partOwner(const std::string& name) {
  const size_t tag = name.rfind(kPartTag);
  if (tag == std::string::npos) return 0;
  const size_t digits = tag + sizeof(kPartTag) - 1, dash = name.find('-', digits);
  if (dash == std::string::npos || dash == digits || dash - digits > 9) return 0;
  if (name.find_first_not_of("0123456789", digits) != dash) return 0;
  return std::stol(name.substr(digits, dash - digits));
}

bool isOldStylePart(const std::string& name) {
  const size_t tag = name.rfind(kPartTag);
  if (tag == std::string::npos) return false;
  const std::string rest = name.substr(tag + sizeof(kPartTag) - 1);
  return rest.size() >= 8 && rest.find_first_not_of("0123456789abcdef") == std::string::npos;
}

fs::path parentOf(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

}  // namespace

void removeStalePartFiles(const std::string& folder) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const long pid = partOwner(name);
    if (pid > 0) {
      if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH) stale.push_back(it->path());
    } else if (isOldStylePart(name)) {
      std::error_code t;
      const auto age = fs::file_time_type::clock::now() - fs::last_write_time(it->path(), t);
      if (!t && age > std::chrono::hours(1)) stale.push_back(it->path());
    }
  }
  for (const auto& p : stale) fs::remove_all(p, ec);
}

void writeFileAtomic(const std::string& path, const void* data, size_t size) {
  removeStalePartFiles(parentOf(path).string());
  const std::string tmp = temporaryNameFor(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("Cannot write " + path + ": " + std::strerror(errno));
  const int slot = registerTemporary(tmp, false);
  const auto fail = [&](const std::string& why) {
    ::unlink(tmp.c_str());
    unregisterTemporary(slot);
    throw Error("Cannot write " + path + ": " + why);
  };
  const auto* bytes = static_cast<const char*>(data);
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, bytes + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      fail(why);
    }
    done += size_t(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) fail(std::strerror(errno));
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail(std::strerror(errno));
  unregisterTemporary(slot);
}

void writeFileAtomic(const std::string& path, const std::string& bytes) {
  writeFileAtomic(path, bytes.data(), bytes.size());
}

std::string readFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("Cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw Error("Cannot read " + path);
  return buf.str();
}

AtomicFolder::AtomicFolder(const std::string& dir, const std::vector<std::string>& replaceable) {
  fs::path d = fs::path(dir).lexically_normal();
  if (d.filename().empty()) d = d.parent_path();
  if (d.empty() || d == "." || d == "..") throw Error("Cannot write the outputs into '" + dir + "': name a folder.");
  dir_ = d.string();
  std::error_code ec;
  if (fs::exists(d, ec)) {
    if (!fs::is_directory(d, ec)) throw Error("Cannot write the outputs into " + dir_ + ": it is not a folder.");
    for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (std::find(replaceable.begin(), replaceable.end(), name) == replaceable.end())
        throw Error("Cannot write the outputs into " + dir_ + ": it already holds '" + name +
                    "', which is not an output of this program; choose a new or empty folder.");
    }
  }
  const fs::path parent = parentOf(dir_);
  fs::create_directories(parent, ec);
  if (ec) throw Error("Cannot create the folder " + parent.string() + ": " + ec.message());
  removeStalePartFiles(parent.string());
  staging_ = temporaryNameFor(dir_);
  if (::mkdir(staging_.c_str(), 0755) != 0) throw Error("Cannot write into " + parent.string() + ": " + std::strerror(errno));
  slot_ = registerTemporary(staging_, true);
}

AtomicFolder::~AtomicFolder() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  unregisterTemporary(slot_);
}

void AtomicFolder::commit() {
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    // Exchange in one step, so `dir` is at every moment either the old or the new set.
    if (::syscall(SYS_renameat2, AT_FDCWD, staging_.c_str(), AT_FDCWD, dir_.c_str(), 2 /* RENAME_EXCHANGE */) != 0) {
      // File systems without the exchange: move the old set aside first.
      const std::string old = staging_ + "-old";
      if (::rename(dir_.c_str(), old.c_str()) != 0 || ::rename(staging_.c_str(), dir_.c_str()) != 0)
        throw Error("Cannot replace " + dir_ + ": " + std::strerror(errno));
      fs::remove_all(old, ec);
    }
    fs::remove_all(staging_, ec);  // now the old set
  } else if (::rename(staging_.c_str(), dir_.c_str()) != 0) {
    throw Error("Cannot create " + dir_ + ": " + std::strerror(errno));
  }
  committed_ = true;
  unregisterTemporary(slot_);
  slot_ = -1;
}

}  // namespace sds
