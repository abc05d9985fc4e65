// SDS_VERIFY_THROWS(expr, needle): the expression must throw sds::Error whose
// message contains `needle` (a file, tensor or field name). Header-only.
#pragma once
#include <QtTest/QtTest>

#include <functional>
#include <string>

#include "core/base/error.h"

namespace sds::test {

inline bool throwsSdsError(const std::function<void()>& f, const std::string& needle, std::string& what) {
  try {
    f();
  } catch (const sds::Error& e) {
    what = e.what();
    return what.find(needle) != std::string::npos;
  } catch (const std::exception& e) {
    what = std::string("not an sds::Error: ") + e.what();
    return false;
  }
  what = "(no exception)";
  return false;
}

}  // namespace sds::test

#define SDS_VERIFY_THROWS(expr, needle)                                                                       \
  do {                                                                                                        \
    std::string sds_what_;                                                                                    \
    const bool sds_ok_ = sds::test::throwsSdsError([&] { (void)(expr); }, needle, sds_what_);                 \
    QVERIFY2(sds_ok_, (std::string("expected sds::Error mentioning '") + (needle) + "', got: " + sds_what_).c_str()); \
  } while (0)
