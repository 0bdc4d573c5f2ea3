// Edge cases of the Unicode case mappings and character classes, with the answers Rust's
// standard library gives (the reference semantics). unicode_python_test.py compares every code
// point against Python's unicodedata; this file pins down the rules that are easy to get wrong.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ruchy/prelude.h"

namespace rt {
namespace {

TEST(UnicodeVersion, IsTheOneDebianPins) { EXPECT_STREQ(unicode_version(), "15.0.0"); }

TEST(StringCase, LatinBeyondAscii) {
  EXPECT_EQ(to_uppercase(std::string("héllo")), "HÉLLO");
  EXPECT_EQ(to_lowercase(std::string("ÉCOLE")), "école");
  EXPECT_EQ(to_upper("Ça va, naïve señor"), "ÇA VA, NAÏVE SEÑOR");
  EXPECT_EQ(to_lower("ΩМЕГА ЖУК"), "ωмега жук");
}

TEST(StringCase, MultiCharacterUppercase) {
  EXPECT_EQ(to_upper("ß"), "SS");
  EXPECT_EQ(to_upper("straße"), "STRASSE");
  EXPECT_EQ(to_upper("ﬁ ﬀ ﬃ"), "FI FF FFI");             // ligatures
  EXPECT_EQ(to_upper("ŉ"), "\u02BCN");                     // ʼN
  EXPECT_EQ(to_upper("ΐ"), "\u0399\u0308\u0301");          // three code points
  EXPECT_EQ(to_upper("ᾳ"), "\u0391\u0399");                // ypogegrammeni becomes capital iota
  EXPECT_EQ(to_upper("ǰ"), "J\u030C");
}

TEST(StringCase, FinalSigmaAsRust) {
  EXPECT_EQ(to_lower("Σ"), "σ");
  EXPECT_EQ(to_lower("ΑΣ"), "ας");
  EXPECT_EQ(to_lower("ΣΣ"), "σς");
  EXPECT_EQ(to_lower("ὈΔΥΣΣΕΎΣ"), "ὀδυσσεύς");
  EXPECT_EQ(to_lower("ΑΣ Α"), "ας α");
  EXPECT_EQ(to_lower("ΑΣΑ"), "ασα");
  // Case-ignorable characters (the apostrophe) are skipped in both directions.
  EXPECT_EQ(to_lower("Α'Σ"), "α'ς");
  EXPECT_EQ(to_lower("Α''Σ Α"), "α''ς α");
  EXPECT_EQ(to_lower("ΑΣ'' Α"), "ας'' α");
  EXPECT_EQ(to_lower("ΑΣ'Α"), "ασ'α");
  EXPECT_EQ(to_lower("Α 'Σ"), "α 'σ");
  EXPECT_EQ(to_lower("''Σ"), "''σ");
  // A digit is neither cased nor case-ignorable: it ends the word on either side.
  EXPECT_EQ(to_lower("1Σ"), "1σ");
  EXPECT_EQ(to_lower("ΑΣ1"), "ας1");
  // The char on its own has no context: the simple mapping.
  EXPECT_EQ(to_lowercase(char32_t{0x03A3}), char32_t{0x03C3});
}

TEST(StringCase, TurkishDottedIUnconditionallyAsRust) {
  // No language-specific rules: İ lower-cases to i + combining dot above, I to i, ı to I.
  EXPECT_EQ(to_lower("İ"), "i\u0307");
  EXPECT_EQ(to_lower("I"), "i");
  EXPECT_EQ(to_upper("ı"), "I");
  EXPECT_EQ(to_upper("i"), "I");
  EXPECT_EQ(to_lowercase(char32_t{0x0130}), U'i');  // a char stays one char
}

TEST(StringCase, TitlecaseDigraphs) {
  // ǅ (U+01C5, titlecase) upper-cases to Ǆ and lower-cases to ǆ; it is neither Uppercase nor
  // Lowercase, but it is alphabetic.
  EXPECT_EQ(to_upper("ǅ"), "Ǆ");
  EXPECT_EQ(to_lower("ǅ"), "ǆ");
  EXPECT_EQ(to_uppercase(char32_t{0x01C5}), char32_t{0x01C4});
  EXPECT_EQ(to_lowercase(char32_t{0x01C5}), char32_t{0x01C6});
  EXPECT_FALSE(is_uppercase(0x01C5));
  EXPECT_FALSE(is_lowercase(0x01C5));
  EXPECT_TRUE(is_alphabetic(0x01C5));
}

TEST(StringCase, BeyondTheBmp) {
  EXPECT_EQ(to_upper("𐐨"), "𐐀");  // Deseret
  EXPECT_EQ(to_lower("𐐀"), "𐐨");
  EXPECT_EQ(to_upper("ა"), "Ა");    // Georgian Mtavruli (Unicode 11)
  EXPECT_EQ(to_lower("Ა"), "ა");
}

TEST(StringCase, NonLettersUnchanged) {
  for (const char* s : {"", "0123456789", " !?.,;:-_()[]{}", "€£¥", "😀👍", "漢字かな", "١٢٣", "\t\n"}) {
    EXPECT_EQ(to_upper(s), s);
    EXPECT_EQ(to_lower(s), s);
  }
}

TEST(StringCase, BytesThatAreNotUtf8PassThrough) {
  // A lone byte, a truncated sequence, a bad continuation, an overlong form, an encoded surrogate
  // and a value above U+10FFFF: kept byte for byte, while the letters around them are mapped.
  const std::vector<std::string> bad = {"\xFF", "\xC3", "\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                        "\x80"};
  for (const std::string& b : bad) {
    EXPECT_EQ(to_upper("é" + b + "ß"), "É" + b + "SS");
    EXPECT_EQ(to_lower("É" + b + "Σ"), "é" + b + "σ");  // the bad byte ends the word before Σ
    EXPECT_EQ(to_lower("ΑΣ" + b), "ας" + b);
  }
}

TEST(CharClasses, Alphabetic) {
  EXPECT_TRUE(is_alphabetic(U'é'));
  EXPECT_TRUE(is_alphabetic(U'ж'));
  EXPECT_TRUE(is_alphabetic(U'漢'));
  EXPECT_TRUE(is_alphabetic(0x216B));   // Ⅻ, a letter number (Nl)
  EXPECT_TRUE(is_alphabetic(0x0345));   // combining ypogegrammeni: Other_Alphabetic
  EXPECT_TRUE(is_alphabetic(0x24B6));   // Ⓐ
  EXPECT_FALSE(is_alphabetic(U'1'));
  EXPECT_FALSE(is_alphabetic(U'_'));
  EXPECT_FALSE(is_alphabetic(0x0301));  // combining acute: not alphabetic
  EXPECT_FALSE(is_alphabetic(0x1F600));
}

TEST(CharClasses, NumericIsNdNlNo) {
  EXPECT_TRUE(is_numeric(U'7'));
  EXPECT_TRUE(is_numeric(0x0663));   // Arabic-Indic three (Nd)
  EXPECT_TRUE(is_numeric(0x216B));   // Ⅻ (Nl)
  EXPECT_TRUE(is_numeric(0x00BD));   // ½ (No)
  EXPECT_TRUE(is_numeric(0x00B2));   // ² (No)
  EXPECT_FALSE(is_numeric(0x4E00));  // 一 has a numeric value but is a letter (Lo)
  EXPECT_FALSE(is_numeric(U'x'));
  EXPECT_TRUE(is_alphanumeric(0x00BD));
  EXPECT_TRUE(is_alphanumeric(U'é'));
  EXPECT_FALSE(is_alphanumeric(U'-'));
}

TEST(CharClasses, WhiteSpace) {
  for (char32_t c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F,
                     0x205F, 0x3000}) {
    EXPECT_TRUE(is_whitespace(c)) << std::hex << static_cast<uint32_t>(c);
  }
  // Not White_Space: zero-width space, the Mongolian vowel separator (since Unicode 6.3), the
  // information separators Python's isspace accepts, the BOM.
  for (char32_t c : {0x200B, 0x180E, 0x1C, 0x1F, 0xFEFF, 0x00}) {
    EXPECT_FALSE(is_whitespace(c)) << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(CharClasses, UpperAndLowercaseProperties) {
  EXPECT_TRUE(is_uppercase(U'É'));
  EXPECT_TRUE(is_lowercase(U'é'));
  EXPECT_TRUE(is_lowercase(U'ß'));
  EXPECT_TRUE(is_uppercase(0x216B));  // Ⅻ: Other_Uppercase
  EXPECT_TRUE(is_lowercase(0x00AA));  // ª: Other_Lowercase
  EXPECT_TRUE(is_lowercase(0x02B0));  // ʰ: a modifier letter, Other_Lowercase
  EXPECT_FALSE(is_uppercase(U'漢'));
  EXPECT_FALSE(is_lowercase(U'漢'));
  EXPECT_EQ(to_lowercase(char32_t{0x216B}), char32_t{0x217B});
}

TEST(CharCase, SimpleMappingAndAsciiOnlyVariants) {
  EXPECT_EQ(to_uppercase(U'é'), U'É');
  EXPECT_EQ(to_uppercase(U'ß'), U'ß');  // its upper case is two chars: the simple mapping keeps it
  EXPECT_EQ(to_lowercase(U'Ω'), U'ω');
  EXPECT_EQ(to_ascii_uppercase(U'é'), U'é');
  EXPECT_EQ(to_ascii_uppercase(U'a'), U'A');
  EXPECT_EQ(to_ascii_lowercase(U'É'), U'É');
  EXPECT_EQ(to_ascii_lowercase(U'Z'), U'z');
}

TEST(CharCase, ValuesThatAreNotScalarValues) {
  for (char32_t c : {char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}, char32_t{0xFFFFFFFF}}) {
    EXPECT_EQ(to_uppercase(c), c);
    EXPECT_EQ(to_lowercase(c), c);
    EXPECT_FALSE(is_alphabetic(c));
    EXPECT_FALSE(is_numeric(c));
    EXPECT_FALSE(is_whitespace(c));
    EXPECT_FALSE(is_uppercase(c));
    EXPECT_FALSE(is_lowercase(c));
  }
  // The ends of the code space.
  EXPECT_EQ(to_uppercase(char32_t{0x10FFFF}), char32_t{0x10FFFF});
  EXPECT_FALSE(is_alphabetic(0x10FFFF));
  EXPECT_FALSE(is_alphabetic(0));
}

TEST(Whitespace, TrimAndSplitUseWhiteSpace) {
  EXPECT_EQ(trim("\u3000\u00A0 x y\u2029\u0085"), "x y");
  EXPECT_EQ(trim_start("\u2003x "), "x ");
  EXPECT_EQ(trim_end(" x\u2003"), " x");
  EXPECT_EQ(trim("\u200Bx\u200B"), "\u200Bx\u200B");  // zero-width space is not whitespace
  EXPECT_EQ(trim("x \xA0"), "x \xA0");                 // a stray continuation byte is not either
  EXPECT_EQ(trim("\xC2"), "\xC2");
  EXPECT_EQ(split_whitespace("a\u3000b\u0085c  d\u00A0"), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(split_whitespace("\u2028"), std::vector<std::string>{});
}

}  // namespace
}  // namespace rt
