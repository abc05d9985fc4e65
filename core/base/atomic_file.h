// Atomic file writes: the bytes go to a temporary file beside the target, are
// flushed to disk, and only then renamed over the target, so an interrupted
// write never leaves a truncated file under the user's chosen name.
//
// Temporaries are named "<target>.part-<pid>-<random>". They are removed when
// SIGINT or SIGTERM ends the process mid-write (a small async-signal-safe
// registry), and temporaries of processes that no longer run (SIGKILL, a crash)
// are removed the next time anything is written into the same folder.
#pragma once
#include <string>
#include <vector>

namespace sds {

// Throws sds::Error naming the path on any failure; the temporary is removed.
void writeFileAtomic(const std::string& path, const std::string& bytes);
void writeFileAtomic(const std::string& path, const void* data, size_t size);

// Reads a whole file; throws sds::Error naming the path.
std::string readFileBytes(const std::string& path);

// Removes "*.part-<pid>-*" files and folders in `folder` whose process is gone
// (and old-style "*.part-<hex>" ones older than an hour). Never throws.
void removeStalePartFiles(const std::string& folder);

// A folder of several outputs written as a whole: everything goes into a
// temporary folder beside `dir`, and commit() puts it in place of `dir` in one
// rename (an existing `dir` is exchanged atomically and then removed), so a
// reader, or an interrupted run, never sees old and new files mixed.
// An existing `dir` may only hold entries named in `replaceable` (the outputs
// of an earlier run); anything else makes the constructor throw sds::Error, so
// no unrelated file is ever deleted.
class AtomicFolder {
 public:
  AtomicFolder(const std::string& dir, const std::vector<std::string>& replaceable);
  ~AtomicFolder();  // removes the temporary folder unless committed
  AtomicFolder(const AtomicFolder&) = delete;
  AtomicFolder& operator=(const AtomicFolder&) = delete;

  const std::string& staging() const { return staging_; }
  void commit();  // throws sds::Error naming `dir`

 private:
  std::string dir_, staging_;
  int slot_ = -1;
  bool committed_ = false;
};

}  // namespace sds
