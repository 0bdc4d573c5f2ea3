#include "ruchy_frontend/lex/lexer.h"

#include <cstring>
#include <string>
#include <unordered_map>

namespace ruchy {

std::string_view TokenSpelling(Tok kind) {
  switch (kind) {
#define RUCHY_TOKEN_CASE(name, text) \
  case Tok::name:                    \
    return text;
    RUCHY_TOKEN_KINDS(RUCHY_TOKEN_CASE)
#undef RUCHY_TOKEN_CASE
  }
  return "token";
}

namespace {

const std::unordered_map<std::string_view, Tok>& Keywords() {
  static const auto* const keywords = new std::unordered_map<std::string_view, Tok>{
      {"fun", Tok::kFun},         {"fn", Tok::kFn},         {"let", Tok::kLet},
      {"var", Tok::kVar},         {"mut", Tok::kMut},       {"const", Tok::kConst},
      {"if", Tok::kIf},           {"else", Tok::kElse},     {"match", Tok::kMatch},
      {"for", Tok::kFor},         {"in", Tok::kIn},         {"while", Tok::kWhile},
      {"loop", Tok::kLoop},       {"break", Tok::kBreak},   {"continue", Tok::kContinue},
      {"return", Tok::kReturn},   {"struct", Tok::kStruct}, {"class", Tok::kClass},
      {"enum", Tok::kEnum},       {"trait", Tok::kTrait},   {"impl", Tok::kImpl},
      {"extend", Tok::kExtend},   {"pub", Tok::kPub},       {"async", Tok::kAsync},
      {"await", Tok::kAwait},     {"try", Tok::kTry},       {"catch", Tok::kCatch},
      {"finally", Tok::kFinally}, {"throw", Tok::kThrow},   {"use", Tok::kUse},
      {"import", Tok::kImport},   {"mod", Tok::kMod},       {"as", Tok::kAs},
      {"self", Tok::kSelf},       {"type", Tok::kType},     {"where", Tok::kWhere},
      {"end", Tok::kEnd},         {"true", Tok::kTrue},     {"false", Tok::kFalse},
      {"null", Tok::kNull},
  };
  return *keywords;
}

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  Lexer(const SourceFile& file, Diagnostics& diags, uint32_t begin, uint32_t end)
      : src_(file.text()), diags_(diags), pos_(begin), end_(std::min<size_t>(end, src_.size())) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    if (pos_ == 0 && src_.substr(0, 2) == "#!") SkipLine();
    while (true) {
      bool newline = SkipTrivia();
      Token token;
      token.newline_before = newline || tokens.empty();
      token.loc = Loc{static_cast<uint32_t>(pos_)};
      if (pos_ >= end_) {
        token.kind = Tok::kEof;
        tokens.push_back(std::move(token));
        return tokens;
      }
      LexOne(token);
      token.length = static_cast<uint32_t>(pos_ - token.loc.offset);
      tokens.push_back(std::move(token));
    }
  }

 private:
  char Peek(size_t ahead = 0) const { return pos_ + ahead < end_ ? src_[pos_ + ahead] : '\0'; }

  void SkipLine() {
    while (pos_ < end_ && src_[pos_] != '\n') ++pos_;
  }

  // Skips whitespace, comments and attributes; reports whether a newline was crossed.
  bool SkipTrivia() {
    bool newline = false;
    while (pos_ < end_) {
      char c = src_[pos_];
      if (c == '\n') {
        newline = true;
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '/' && Peek(1) == '/') {
        SkipLine();
      } else if (c == '#' && Peek(1) != '[') {
        SkipLine();
      } else if (c == '#' && Peek(1) == '[') {
        // Attributes (`#[derive(Debug)]`, `#[test]`) carry no meaning for this compiler.
        size_t start = pos_;
        int depth = 0;
        while (pos_ < end_) {
          if (src_[pos_] == '[') ++depth;
          if (src_[pos_] == ']' && --depth == 0) break;
          ++pos_;
        }
        if (pos_ >= end_) {
          diags_.Error(Loc{static_cast<uint32_t>(start)}, "unterminated attribute `#[`", 2);
        } else {
          ++pos_;
        }
      } else if (c == '/' && Peek(1) == '*') {
        size_t start = pos_;
        int depth = 0;
        while (pos_ < end_) {
          if (src_[pos_] == '/' && Peek(1) == '*') {
            ++depth;
            pos_ += 2;
          } else if (src_[pos_] == '*' && Peek(1) == '/') {
            pos_ += 2;
            if (--depth == 0) break;
          } else {
            if (src_[pos_] == '\n') newline = true;
            ++pos_;
          }
        }
        if (depth != 0) diags_.Error(Loc{static_cast<uint32_t>(start)}, "unterminated block comment", 2);
      } else {
        break;
      }
    }
    return newline;
  }

  void LexOne(Token& t) {
    unsigned char c = src_[pos_];
    if (std::isdigit(c)) return LexNumber(t);
    if (c == 'f' && Peek(1) == '"') {
      ++pos_;
      return LexFString(t);
    }
    if (c == 'r' && (Peek(1) == '"' || (Peek(1) == '#' && (Peek(2) == '"' || Peek(2) == '#')))) {
      return LexRawString(t);
    }
    if (c == 'b' && Peek(1) == '\'') {
      ++pos_;
      LexChar(t);
      if (t.kind == Tok::kChar) t.kind = Tok::kByte;
      return;
    }
    if (IsIdentStart(c)) {
      size_t start = pos_;
      while (pos_ < end_ && IsIdentChar(src_[pos_])) ++pos_;
      std::string_view word = src_.substr(start, pos_ - start);
      auto it = Keywords().find(word);
      t.kind = it == Keywords().end() ? Tok::kIdent : it->second;
      t.text = std::string(word);
      return;
    }
    if (c == '"') return LexString(t);
    if (c == '\'') return LexChar(t);
    LexPunct(t);
  }

  void LexNumber(Token& t) {
    size_t start = pos_;
    std::string digits;
    bool is_float = false;
    if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X' || Peek(1) == 'b' || Peek(1) == 'o')) {
      char base = Peek(1);
      pos_ += 2;
      digits = base == 'x' || base == 'X' ? "0x" : base == 'b' ? "0b" : "0o";
      while (pos_ < end_ && (std::isxdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
        if (src_[pos_] != '_') digits += src_[pos_];
        ++pos_;
      }
      // A hex literal may end in what looks like a suffix (`0xFFu8`): split at `i`/`u`.
    } else {
      while (pos_ < end_ && (std::isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
        if (src_[pos_] != '_') digits += src_[pos_];
        ++pos_;
      }
      if (Peek() == '.' && std::isdigit(static_cast<unsigned char>(Peek(1)))) {
        is_float = true;
        digits += '.';
        ++pos_;
        while (pos_ < end_ && (std::isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
          if (src_[pos_] != '_') digits += src_[pos_];
          ++pos_;
        }
      }
      if ((Peek() == 'e' || Peek() == 'E') &&
          (std::isdigit(static_cast<unsigned char>(Peek(1))) ||
           ((Peek(1) == '+' || Peek(1) == '-') && std::isdigit(static_cast<unsigned char>(Peek(2)))))) {
        is_float = true;
        digits += 'e';
        ++pos_;
        if (Peek() == '+' || Peek() == '-') digits += src_[pos_++];
        while (pos_ < end_ && std::isdigit(static_cast<unsigned char>(src_[pos_]))) digits += src_[pos_++];
      }
    }
    // Type suffix: i8..i128, u8..u128, isize, usize, f32, f64.
    if (pos_ < end_ && IsIdentStart(src_[pos_])) {
      size_t suffix_start = pos_;
      while (pos_ < end_ && IsIdentChar(src_[pos_])) ++pos_;
      std::string suffix(src_.substr(suffix_start, pos_ - suffix_start));
      static const char* const kSuffixes[] = {"i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
                                              "u32", "u64", "u128", "usize", "f32", "f64"};
      bool known = false;
      for (const char* s : kSuffixes) known = known || suffix == s;
      if (!known) {
        diags_.Error(Loc{static_cast<uint32_t>(suffix_start)},
                     "invalid suffix `" + suffix + "` on a number literal",
                     static_cast<uint32_t>(suffix.size()));
      } else if (suffix[0] == 'f') {
        is_float = true;
      }
      t.suffix = suffix;
    }
    if (digits.size() <= 2 && digits[0] == '0' && digits.size() == 2 && !std::isdigit(digits[1])) {
      diags_.Error(Loc{static_cast<uint32_t>(start)}, "number literal has no digits", 2);
    }
    t.kind = is_float ? Tok::kFloat : Tok::kInt;
    t.text = digits;
  }

  // Reads one escape after the backslash (shared with f-string text, see DecodeEscape).
  void LexEscape(std::string& out) {
    size_t start = pos_;
    bool ok = true;
    pos_ += DecodeEscape(src_.substr(0, end_), pos_, out, &ok);
    if (!ok) diags_.Error(Loc{static_cast<uint32_t>(start - 1)}, "invalid unicode escape", 2);
  }

  void LexString(Token& t) {
    size_t start = pos_++;
    std::string value;
    while (pos_ < end_ && src_[pos_] != '"') {
      if (src_[pos_] == '\\' && pos_ + 1 < end_) {
        ++pos_;
        LexEscape(value);
      } else {
        value += src_[pos_++];
      }
    }
    if (pos_ >= end_) {
      diags_.Error(Loc{static_cast<uint32_t>(start)}, "unterminated string literal");
      t.kind = Tok::kError;
      return;
    }
    ++pos_;
    t.kind = Tok::kString;
    t.text = std::move(value);
  }

  // f"...": the body is kept raw; the parser splits it into text and `{expr:spec}` holes.
  // Strings inside holes (`f"{m["k"]}"`) are skipped so their quotes do not end the f-string.
  void LexFString(Token& t) {
    size_t start = pos_ - 1;
    ++pos_;  // opening quote
    size_t body = pos_;
    int depth = 0;
    while (pos_ < end_) {
      char c = src_[pos_];
      if (c == '\\' && pos_ + 1 < end_) {
        pos_ += 2;
        continue;
      }
      if (depth == 0 && c == '"') break;
      if (c == '{') {
        if (depth == 0 && Peek(1) == '{') {
          pos_ += 2;
          continue;
        }
        ++depth;
      } else if (c == '}') {
        if (depth == 0 && Peek(1) == '}') {
          pos_ += 2;
          continue;
        }
        if (depth > 0) --depth;
      } else if (c == '"' && depth > 0) {
        ++pos_;
        while (pos_ < end_ && src_[pos_] != '"') pos_ += src_[pos_] == '\\' ? 2 : 1;
      }
      ++pos_;
    }
    if (pos_ >= end_) {
      pos_ = std::min(pos_, end_);
      diags_.Error(Loc{static_cast<uint32_t>(start)}, "unterminated f-string", 2);
      t.kind = Tok::kError;
      return;
    }
    t.kind = Tok::kFString;
    t.text = std::string(src_.substr(body, pos_ - body));
    ++pos_;
  }

  void LexRawString(Token& t) {
    size_t start = pos_++;
    int hashes = 0;
    while (Peek() == '#') {
      ++hashes;
      ++pos_;
    }
    if (Peek() != '"') {
      diags_.Error(Loc{static_cast<uint32_t>(start)}, "expected `\"` after `r#`");
      t.kind = Tok::kError;
      return;
    }
    ++pos_;
    size_t body = pos_;
    std::string closing = "\"" + std::string(hashes, '#');
    size_t close = src_.find(closing, pos_);
    if (close == std::string_view::npos || close + closing.size() > end_) {
      pos_ = end_;
      diags_.Error(Loc{static_cast<uint32_t>(start)}, "unterminated raw string");
      t.kind = Tok::kError;
      return;
    }
    t.kind = Tok::kString;
    t.text = std::string(src_.substr(body, close - body));
    pos_ = close + closing.size();
  }

  // 'a' is a character, 'outer (no closing quote) a loop label.
  void LexChar(Token& t) {
    size_t start = pos_++;
    if (IsIdentStart(Peek()) && static_cast<unsigned char>(Peek()) < 0x80 && Peek(1) != '\'') {
      size_t name = pos_;
      while (pos_ < end_ && IsIdentChar(src_[pos_])) ++pos_;
      if (Peek() != '\'') {
        t.kind = Tok::kLifetime;
        t.text = std::string(src_.substr(name, pos_ - name));
        return;
      }
      pos_ = name;
    }
    std::string value;
    if (Peek() == '\\') {
      ++pos_;
      LexEscape(value);
    } else if (pos_ < end_) {
      // One UTF-8 encoded code point.
      unsigned char lead = src_[pos_];
      int len = lead < 0x80 ? 1 : lead >> 5 == 6 ? 2 : lead >> 4 == 14 ? 3 : lead >> 3 == 30 ? 4 : 1;
      for (int i = 0; i < len && pos_ < end_; ++i) value += src_[pos_++];
    }
    if (Peek() != '\'' || value.empty()) {
      diags_.Error(Loc{static_cast<uint32_t>(start)}, "unterminated character literal");
      while (pos_ < end_ && src_[pos_] != '\'' && src_[pos_] != '\n') ++pos_;
      if (Peek() == '\'') ++pos_;
      t.kind = Tok::kError;
      return;
    }
    ++pos_;
    t.kind = Tok::kChar;
    t.text = std::move(value);
  }

  void LexPunct(Token& t) {
    struct Punct {
      const char* text;
      Tok kind;
    };
    // Longest first.
    static const Punct kPuncts[] = {
        {"..=", Tok::kDotDotEq}, {"...", Tok::kEllipsis}, {"::", Tok::kColonColon}, {"..", Tok::kDotDot},
        {"?.", Tok::kQuestionDot}, {"??", Tok::kQuestionQuestion}, {"->", Tok::kArrow},
        {"=>", Tok::kFatArrow}, {"|>", Tok::kPipeGreater}, {"||", Tok::kOrOr}, {"&&", Tok::kAndAnd},
        {"**", Tok::kStarStar}, {"<<", Tok::kShl}, {">>", Tok::kShr}, {"==", Tok::kEqEq},
        {"!=", Tok::kNotEq}, {"<=", Tok::kLessEq}, {">=", Tok::kGreaterEq}, {"+=", Tok::kPlusEq},
        {"-=", Tok::kMinusEq}, {"*=", Tok::kStarEq}, {"/=", Tok::kSlashEq}, {"%=", Tok::kPercentEq},
        {"(", Tok::kLParen}, {")", Tok::kRParen}, {"{", Tok::kLBrace}, {"}", Tok::kRBrace},
        {"[", Tok::kLBracket}, {"]", Tok::kRBracket}, {",", Tok::kComma}, {";", Tok::kSemi},
        {":", Tok::kColon}, {".", Tok::kDot}, {"?", Tok::kQuestion}, {"|", Tok::kPipe},
        {"&", Tok::kAmp}, {"^", Tok::kCaret}, {"~", Tok::kTilde}, {"!", Tok::kBang},
        {"+", Tok::kPlus}, {"-", Tok::kMinus}, {"*", Tok::kStar}, {"/", Tok::kSlash},
        {"%", Tok::kPercent}, {"=", Tok::kEq}, {"<", Tok::kLess}, {">", Tok::kGreater},
        {"@", Tok::kAt},
    };
    for (const Punct& p : kPuncts) {
      size_t len = std::strlen(p.text);
      if (pos_ + len <= end_ && src_.substr(pos_, len) == p.text) {
        t.kind = p.kind;
        pos_ += len;
        return;
      }
    }
    unsigned char c = src_[pos_];
    std::string shown = c >= 0x20 && c < 0x7f ? std::string(1, c) : "\\x" + std::to_string(c);
    diags_.Error(Loc{static_cast<uint32_t>(pos_)}, "unexpected character `" + shown + "`");
    t.kind = Tok::kError;
    ++pos_;
  }

  std::string_view src_;
  Diagnostics& diags_;
  size_t pos_;
  size_t end_;
};

}  // namespace

size_t DecodeEscape(std::string_view text, size_t pos, std::string& out, bool* ok) {
  *ok = true;
  const bool at_end = pos >= text.size();
  char e = at_end ? '\0' : text[pos];
  switch (e) {
    case 'n': out += '\n'; return 1;
    case 't': out += '\t'; return 1;
    case 'r': out += '\r'; return 1;
    case '0': out += '\0'; return 1;
    case '\\': out += '\\'; return 1;
    case '"': out += '"'; return 1;
    case '\'': out += '\''; return 1;
    case 'u':
      if (pos + 1 < text.size() && text[pos + 1] == '{') {
        size_t close = text.find('}', pos + 1);
        if (close != std::string_view::npos && close - pos <= 8) {
          std::string hex(text.substr(pos + 2, close - pos - 2));
          char* parse_end = nullptr;
          unsigned long cp = std::strtoul(hex.c_str(), &parse_end, 16);
          if (!hex.empty() && *parse_end == '\0' && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            AppendUtf8(out, static_cast<uint32_t>(cp));
            return close + 1 - pos;
          }
        }
        *ok = false;
        return 1;
      }
      [[fallthrough]];
    default:
      out += '\\';
      if (e != '\0') out += e;
      return at_end ? 0 : 1;
  }
}

std::vector<Token> Lex(const SourceFile& file, Diagnostics& diags, uint32_t begin, uint32_t end) {
  return Lexer(file, diags, begin, end).Run();
}

}  // namespace ruchy
