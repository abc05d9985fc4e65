// The CLIP tokenizer and its text clean-up against the sd-tiny fixture cases
// (OpenAI simple_tokenizer + ftfy + HF conventions) and on edge cases.
#include <QtTest/QtTest>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "core/verify/compare.h"
#include "models/clip/text_cleanup.h"
#include "models/clip/token_batch.h"
#include "models/clip/tokenizer.h"
#include "models/clip/unicode.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "tests/support/expect_error.h"
#include "tests/support/fixture_data.h"

namespace fs = std::filesystem;
using sds::clip::Tokenizer;
using sds::test::findCase;
using sds::test::writeText;

namespace {

const fs::path kData = SDSTEREO_TEST_DATA;

std::string u8(const char32_t* s) { return sds::clip::utf32ToUtf8(s); }

}  // namespace

class TestTokenizer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    v1_ = Tokenizer::fromFolder((kData / "sd-tiny-v1/model/tokenizer").string());
    v2_ = Tokenizer::fromFolder((kData / "sd-tiny-v2/model/tokenizer").string());
  }

  void specialTokensComeFromTheTokenizerFiles() {
    QCOMPARE(v1_->bosId(), int64_t(49406));
    QCOMPARE(v1_->eosId(), int64_t(49407));
    QCOMPARE(v1_->padId(), int64_t(49407));
    QCOMPARE(v2_->padId(), int64_t(0));  // "!" in SD 2.x
    QCOMPARE(v1_->maxLength(), 77);
    QCOMPARE(v1_->vocabSize(), size_t(49408));
  }

  void fixtureCases_data() {
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("kase");
    for (const char* set : {"sd-tiny-v1", "sd-tiny-v2"})
      for (const char* kase : {"tokenize", "tokenize_ftfy"})
        QTest::newRow((std::string(set) + "/" + kase).c_str()) << QString(set) << QString(kase);
  }
  void fixtureCases() {
    QFETCH(QString, set);
    QFETCH(QString, kase);
    const auto c = findCase(set.toStdString(), kase.toStdString());
    const auto tok = set == "sd-tiny-v1" ? v1_ : v2_;
    const auto file = sds::io::SafetensorsFile::open((kData / set.toStdString() / c["file"].get<std::string>()).string());
    const auto expected_ids = file->tensor("input_ids");
    const auto expected_counts = file->tensor("num_content_tokens");
    const auto& prompts = c["inputs"]["prompts"];
    const auto& cleaned = c["inputs"]["cleaned"];
    for (size_t i = 0; i < prompts.size(); ++i) {
      const std::string prompt = prompts[i];
      QCOMPARE(QString::fromStdString(sds::clip::cleanPrompt(prompt)), QString::fromStdString(cleaned[i]));
      const auto e = tok->encode(prompt);
      QCOMPARE(e.num_content_tokens, expected_counts[int64_t(i)].item<int64_t>());
      const auto ids = torch::tensor(e.ids);
      QVERIFY2(torch::equal(ids, expected_ids[int64_t(i)]), prompt.c_str());
    }
    QVERIFY(torch::equal(sds::clip::encodeBatch(*tok, prompts.get<std::vector<std::string>>()), expected_ids));
  }

  void longPromptsKeep75ContentTokensAndEos() {
    std::string prompt;
    for (int i = 0; i < 100; ++i) prompt += "cat ";
    const auto e = v1_->encode(prompt);
    QCOMPARE(e.num_content_tokens, int64_t(100));
    QCOMPARE(e.ids.size(), size_t(77));
    QCOMPARE(e.ids.front(), int64_t(49406));
    QCOMPARE(e.ids.back(), int64_t(49407));
    QCOMPARE(e.ids[75], e.ids[1]);
  }

  void emptyPromptIsBosEosThenPad() {
    const auto e = v2_->encode("   ");
    QCOMPARE(e.num_content_tokens, int64_t(0));
    QCOMPARE(e.ids[0], int64_t(49406));
    QCOMPARE(e.ids[1], int64_t(49407));
    QCOMPARE(e.ids[2], int64_t(0));
    QCOMPARE(e.ids[76], int64_t(0));
  }

  void preTokenizerFollowsTheRegex() {
    using V = std::vector<std::string>;
    QCOMPARE(Tokenizer::splitPieces("don't stop"), (V{"don", "'t", "stop"}));
    QCOMPARE(Tokenizer::splitPieces("o'clock!!"), (V{"o", "'", "clock", "!!"}));
    QCOMPARE(Tokenizer::splitPieces("3.14"), (V{"3", ".", "1", "4"}));
    QCOMPARE(Tokenizer::splitPieces("a<|endoftext|>b"), (V{"a", "<|endoftext|>", "b"}));
    QCOMPARE(Tokenizer::splitPieces("!<|endoftext|>"), (V{"!<|", "endoftext", "|>"}));
    QCOMPARE(Tokenizer::splitPieces("x''s"), (V{"x", "''", "s"}));
    QCOMPARE(Tokenizer::splitPieces(u8(U"caf\u00e9 \u65e5\u672c \u00b2")), (V{u8(U"caf\u00e9"), u8(U"\u65e5\u672c"), u8(U"\u00b2")}));
  }

  void specialTokenTextMapsToItsId() {
    const auto e = v1_->encode("a <|endoftext|>");
    QCOMPARE(e.num_content_tokens, int64_t(2));
    QCOMPARE(e.ids[2], int64_t(49407));
  }

  void cleanUpMatchesFtfyAndHtml() {
    using sds::clip::cleanPrompt;
    QCOMPARE(cleanPrompt(u8(U"\u201cHi\u201d \u2018there\u2019")), std::string("\"hi\" 'there'"));
    QCOMPARE(cleanPrompt("fish &amp;amp; chips &copy &#x41;&#66;"), u8(U"fish & chips \u00a9 ab"));
    QCOMPARE(cleanPrompt(u8(U"\ufb03 \uff21\uff22 \u3000x")), std::string("ffi ab x"));
    QCOMPARE(cleanPrompt(u8(U"e\u0301 A\u030a \u212b")), u8(U"\u00e9 \u00e5 \u00e5"));
    QCOMPARE(cleanPrompt(u8(U"\u039f\u0394\u039f\u03a3 \u0130")), u8(U"\u03bf\u03b4\u03bf\u03c2 i\u0307"));
    QCOMPARE(cleanPrompt("a\x1b[31mred\x1b[0m\tb\r\nc\x01"), std::string("ared b c"));
  }

  void ftfyLeavesEntitiesFromTheFirstHtmlLineOn() {
    QCOMPARE(sds::clip::fixTextLikeFtfy("a &amp; b\n<i> &amp;"), std::string("a & b\n<i> &amp;"));
    QCOMPARE(sds::clip::fixTextLikeFtfy("<i>\n&amp;"), std::string("<i>\n&amp;"));
  }

  void htmlUnescapeFollowsPython() {
    using sds::clip::htmlUnescape;
    QCOMPARE(htmlUnescape("&notit; &amp &lt;&gt; &#0; &#128; &#x110000; &unknown;"),
             u8(U"\u00acit; & <> \ufffd \u20ac \ufffd &unknown;"));
  }

  void nfcComposesInCanonicalOrder() {
    using sds::clip::toNfc;
    QCOMPARE(toNfc(U"e\u0323\u0302"), std::u32string(U"\u1ec7"));  // dot below before circumflex
    QCOMPARE(toNfc(U"e\u0302\u0323"), std::u32string(U"\u1ec7"));  // reordered first
    QCOMPARE(toNfc(U"\u1100\u1161\u11a8"), std::u32string(U"\uac01"));  // Hangul
  }

  void invalidUtf8BecomesReplacementCharacters() {
    const auto s = sds::clip::utf8ToUtf32(std::string("a\xff\xc3", 3));
    QCOMPARE(s, std::u32string(U"a\ufffd\ufffd"));
    QVERIFY(v1_->encode(std::string("a\xff", 2)).num_content_tokens > 0);
  }

  void rejectsBrokenTokenizerFolders() {
    const fs::path dir = fs::temp_directory_path() / "sds_test_tokenizer_bad";
    fs::remove_all(dir);
    fs::create_directories(dir);
    SDS_VERIFY_THROWS(Tokenizer::fromFolder(dir.string()), "vocab.json");
    writeText(dir / "vocab.json", "{\"a</w>\": 0, \"<|startoftext|>\": 1, \"<|endoftext|>\": 2}");
    SDS_VERIFY_THROWS(Tokenizer::fromFolder(dir.string()), "merges.txt");
    writeText(dir / "merges.txt", "#version: 0.2\na b c\n");
    SDS_VERIFY_THROWS(Tokenizer::fromFolder(dir.string()), "line 2");
    writeText(dir / "merges.txt", "#version: 0.2\na </w>\n");
    writeText(dir / "special_tokens_map.json", "{\"pad_token\": \"!\"}");
    SDS_VERIFY_THROWS(Tokenizer::fromFolder(dir.string()), "'!'");
    writeText(dir / "special_tokens_map.json", "{\"pad_token\": {\"content\": \"<|endoftext|>\"}}");
    const auto tok = Tokenizer::fromFolder(dir.string());
    QCOMPARE(tok->padId(), int64_t(2));
    SDS_VERIFY_THROWS(tok->encode("b"), "vocab.json");  // a byte symbol the vocabulary lacks
    writeText(dir / "vocab.json", "[1, 2]");
    SDS_VERIFY_THROWS(Tokenizer::fromFolder(dir.string()), "vocab.json");
    fs::remove_all(dir);
  }

 private:
  std::shared_ptr<Tokenizer> v1_, v2_;
};

QTEST_APPLESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
