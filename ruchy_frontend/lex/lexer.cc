#include "ruchy_frontend/lex/lexer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <tuple>
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

// Decodes the escape whose letter is at text[pos] (just after a backslash) into `out`; returns
// how many bytes it took. Unknown escapes stay literal, as in the reference; a malformed
// `\u{...}` sets *ok to false. Strings and the text of f-strings share it.
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

class Lexer {
 public:
  // Lexes the file `part` of `file` (its offsets stay those of the shared text).
  Lexer(const SourceFile& file, size_t part, Diagnostics& diags)
      : src_(file.text().substr(0, file.part(part).end)), diags_(diags), pos_(file.part(part).begin), end_(src_.size()) {}

  std::vector<Token> Run() {
    if (src_.substr(pos_, 2) == "#!") SkipLine();
    bool newline = false;
    while (true) {
      if (InFStringText()) {
        newline = false;
        if (!LexFStringText()) break;
        continue;
      }
      newline = SkipTrivia();
      if (pos_ >= end_) break;
      Token token;
      token.newline_before = newline || tokens_.empty();
      token.loc = Here();
      if (InHole() && fstrings_.back().hole_braces == 0 && LexHoleEnd()) continue;
      LexOne(token);
      token.length = static_cast<uint32_t>(pos_ - token.loc.offset);
      if (InHole()) CountHoleBracket(token.kind);
      tokens_.push_back(std::move(token));
    }
    if (!fstrings_.empty()) AbandonUnterminatedFString();
    Token eof;
    eof.kind = Tok::kEof;
    eof.newline_before = newline || tokens_.empty();
    eof.loc = Here();
    tokens_.push_back(std::move(eof));
    return std::move(tokens_);
  }

 private:
  char Peek(size_t ahead = 0) const { return pos_ + ahead < end_ ? src_[pos_ + ahead] : '\0'; }
  Loc Here() const { return Loc{static_cast<uint32_t>(pos_)}; }

  // Lexer errors inside an f-string wait until it is closed: an f-string that never closes is
  // reported once, as a whole, instead of through the echoes of what its rest looked like.
  // Reports a declared diagnostic (source/diagnostic_kinds.def) at `offset`.
  template <diag::Kind K, typename... A>
  void Report(size_t offset, uint32_t length, A&&... args) {
    Loc loc{static_cast<uint32_t>(offset)};
    if (fstrings_.empty()) {
      diags_.Emit<K>(loc, length, std::forward<A>(args)...);
      return;
    }
    typename diag::Spec<K>::Args typed{std::forward<A>(args)...};
    pending_errors_.push_back([this, loc, length, typed = std::move(typed)] {
      std::apply([&](const auto&... a) { diags_.Emit<K>(loc, length, a...); }, typed);
    });
  }

  void Push(Tok kind, size_t offset, size_t length, std::string text = {}) {
    Token t;
    t.kind = kind;
    t.loc = Loc{static_cast<uint32_t>(offset)};
    t.length = static_cast<uint32_t>(length);
    t.text = std::move(text);
    tokens_.push_back(std::move(t));
  }

  // ---- f-strings (token.h, "F-strings") ----
  bool InFStringText() const { return !fstrings_.empty() && fstrings_.back().hole_braces < 0; }
  bool InHole() const { return !fstrings_.empty() && fstrings_.back().hole_braces >= 0; }

  void StartFString(Token& t) {
    fstrings_.push_back(OpenFString{static_cast<uint32_t>(pos_), tokens_.size(), -1, 0});
    pos_ += 2;  // f"
    t.kind = Tok::kFStringStart;
  }

  // Text up to the next hole or the closing quote, then that hole's `{` or the quote. Returns
  // false at the end of the input.
  bool LexFStringText() {
    size_t start = pos_;
    std::string text;
    while (pos_ < end_) {
      char c = src_[pos_];
      if (c == '"') break;
      if ((c == '{' || c == '}') && Peek(1) == c) {
        text += c;
        pos_ += 2;
      } else if (c == '{') {
        break;
      } else if (c == '}') {
        Report<diag::kUnmatchedFStringBrace>(pos_, 1);
        ++pos_;
      } else if (c == '\\' && pos_ + 1 < end_) {
        ++pos_;
        LexEscape(text);
      } else {
        text += c;
        ++pos_;
      }
    }
    if (!text.empty()) Push(Tok::kFStringText, start, pos_ - start, std::move(text));
    if (pos_ >= end_) return false;
    if (src_[pos_] == '{') {
      Push(Tok::kFStringHoleStart, pos_, 1);
      fstrings_.back().hole_braces = 0;
    } else {
      Push(Tok::kFStringEnd, pos_, 1);
      fstrings_.pop_back();
      if (fstrings_.empty()) FlushPendingErrors();
    }
    ++pos_;
    return true;
  }

  // Brackets inside a hole. A `}` closes the hole unless a `{` of the hole is open (a `(` left
  // open does not keep it going: the parser reports it at the hole's end); a `:` starts the spec
  // only outside all brackets (`f(x: 1)`, `P { x: 1 }`, `a[1:2]`).
  void CountHoleBracket(Tok kind) {
    OpenFString& f = fstrings_.back();
    if (kind == Tok::kLBrace) ++f.hole_braces;
    if (kind == Tok::kRBrace && f.hole_braces > 0) --f.hole_braces;
    if (kind == Tok::kLParen || kind == Tok::kLBracket) ++f.hole_parens;
    if ((kind == Tok::kRParen || kind == Tok::kRBracket) && f.hole_parens > 0) --f.hole_parens;
  }

  // Outside the hole's braces: `}` closes it, and outside its other brackets too, a single `:`
  // starts its format spec (`::` is a path). Returns false when neither is here.
  bool LexHoleEnd() {
    char c = src_[pos_];
    if (c == ':' && Peek(1) != ':' && fstrings_.back().hole_parens == 0) {
      // The spec runs to the hole's closing `}`; brackets and strings inside it are skipped.
      size_t colon = pos_;
      size_t j = colon + 1;
      int depth = 0;
      while (j < end_) {
        char d = src_[j];
        if (d == '"') {
          ++j;
          while (j < end_ && src_[j] != '"') j += src_[j] == '\\' ? 2 : 1;
        } else if (d == '(' || d == '[' || d == '{') {
          ++depth;
        } else if ((d == ')' || d == ']') && depth > 0) {
          --depth;
        } else if (d == '}') {
          if (depth == 0) break;
          --depth;
        }
        ++j;
      }
      if (j >= end_) {
        pos_ = end_;  // an unterminated f-string
        return true;
      }
      Push(Tok::kFStringSpec, colon, j - colon, std::string(src_.substr(colon + 1, j - colon - 1)));
      pos_ = j;
      c = '}';
    }
    if (c != '}') return false;
    Push(Tok::kFStringHoleEnd, pos_, 1);
    ++pos_;
    fstrings_.back().hole_braces = -1;
    fstrings_.back().hole_parens = 0;
    return true;
  }

  // The input ended inside an f-string: one error for the outermost one, which becomes a single
  // kError token (as an unterminated string does), so the parser adds no echoes of its own.
  void AbandonUnterminatedFString() {
    OpenFString outer = fstrings_.front();
    fstrings_.clear();
    pending_errors_.clear();
    bool newline_before = tokens_[outer.first_token].newline_before;
    tokens_.resize(outer.first_token);
    Push(Tok::kError, outer.start, end_ - outer.start);
    tokens_.back().newline_before = newline_before;
    Report<diag::kUnterminatedFString>(outer.start, 2);
  }

  void FlushPendingErrors() {
    for (const std::function<void()>& report : pending_errors_) report();
    pending_errors_.clear();
  }

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
        // An attribute (`#[derive(Debug)]`, `#[test]`): lexed as tokens (`#` `[` ...) for the
        // parser, which attaches it to the declaration that follows (parse/attributes.cc). One
        // without its closing `]` is reported here, once, and skipped to the end of the file.
        size_t start = pos_;
        size_t scan = pos_;
        int depth = 0;
        while (scan < end_) {
          if (src_[scan] == '"') {  // brackets inside a string argument do not count
            for (++scan; scan < end_ && src_[scan] != '"' && src_[scan] != '\n'; ++scan) {
              if (src_[scan] == '\\') ++scan;
            }
          } else if (src_[scan] == '[') {
            ++depth;
          } else if (src_[scan] == ']' && --depth == 0) {
            break;
          }
          ++scan;
        }
        if (scan < end_) return newline;
        Report<diag::kUnterminatedAttribute>(start, 2);
        pos_ = end_;
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
        if (depth != 0) Report<diag::kUnterminatedBlockComment>(start, 2);
      } else {
        break;
      }
    }
    return newline;
  }

  void LexOne(Token& t) {
    unsigned char c = src_[pos_];
    if (std::isdigit(c)) return LexNumber(t);
    if (c == 'f' && Peek(1) == '"') return StartFString(t);
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
        Report<diag::kInvalidNumberSuffix>(suffix_start, static_cast<uint32_t>(suffix.size()), suffix);
      } else if (suffix[0] == 'f') {
        is_float = true;
      }
      t.suffix = suffix;
    }
    if (digits.size() <= 2 && digits[0] == '0' && digits.size() == 2 && !std::isdigit(digits[1])) {
      Report<diag::kNumberWithoutDigits>(start, 2);
    }
    t.kind = is_float ? Tok::kFloat : Tok::kInt;
    t.text = digits;
  }

  // Reads one escape after the backslash (strings, characters and f-string text).
  void LexEscape(std::string& out) {
    size_t start = pos_;
    bool ok = true;
    pos_ += DecodeEscape(src_, pos_, out, &ok);
    if (!ok) Report<diag::kInvalidUnicodeEscape>(start - 1, 2);
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
      Report<diag::kUnterminatedString>(start, 1);
      t.kind = Tok::kError;
      return;
    }
    ++pos_;
    t.kind = Tok::kString;
    t.text = std::move(value);
  }

  void LexRawString(Token& t) {
    size_t start = pos_++;
    int hashes = 0;
    while (Peek() == '#') {
      ++hashes;
      ++pos_;
    }
    if (Peek() != '"') {
      Report<diag::kRawStringWithoutQuote>(start, 1);
      t.kind = Tok::kError;
      return;
    }
    ++pos_;
    size_t body = pos_;
    std::string closing = "\"" + std::string(hashes, '#');
    size_t close = src_.find(closing, pos_);
    if (close == std::string_view::npos || close + closing.size() > end_) {
      pos_ = end_;
      Report<diag::kUnterminatedRawString>(start, 1);
      t.kind = Tok::kError;
      return;
    }
    t.kind = Tok::kString;
    t.text = std::string(src_.substr(body, close - body));
    pos_ = close + closing.size();
  }

  // 'a' is a character, 'outer (no closing quote) a loop label, and '' or 'hello' (any other
  // number of characters) a String, as the reference lexer reads them. The quote closes on its
  // own line; escapes are those of double-quoted strings.
  void LexChar(Token& t) {
    size_t start = pos_++;
    if (IsIdentStart(Peek()) && static_cast<unsigned char>(Peek()) < 0x80 && Peek(1) != '\'') {
      size_t name = pos_;
      while (pos_ < end_ && IsIdentChar(src_[pos_])) ++pos_;
      // A label or lifetime ends where the reference's single-quoted strings cannot go on
      // (`'outer: loop`, `break 'outer }`, `&'a str`); `'it\'s'` and `'hello'` are strings.
      if (pos_ >= end_ || std::string_view(" \t\n\r>;}),:").find(src_[pos_]) != std::string_view::npos) {
        t.kind = Tok::kLifetime;
        t.text = std::string(src_.substr(name, pos_ - name));
        return;
      }
      pos_ = name;
    }
    std::string value;
    size_t characters = 0;
    while (pos_ < end_ && src_[pos_] != '\'' && src_[pos_] != '\n') {
      ++characters;
      if (src_[pos_] == '\\' && pos_ + 1 < end_ && src_[pos_ + 1] != '\n') {
        ++pos_;
        LexEscape(value);
        continue;
      }
      // One UTF-8 encoded code point.
      unsigned char lead = src_[pos_];
      int len = lead < 0x80 ? 1 : lead >> 5 == 6 ? 2 : lead >> 4 == 14 ? 3 : lead >> 3 == 30 ? 4 : 1;
      for (int i = 0; i < len && pos_ < end_; ++i) value += src_[pos_++];
    }
    if (Peek() != '\'') {
      Report<diag::kUnterminatedChar>(start, 1);
      t.kind = Tok::kError;
      return;
    }
    ++pos_;
    t.kind = characters == 1 ? Tok::kChar : Tok::kString;
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
        {"@", Tok::kAt}, {"\\", Tok::kBackslash}, {"#", Tok::kHash},
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
    static constexpr char kHexDigits[] = "0123456789abcdef";
    std::string shown = c >= 0x20 && c < 0x7f ? std::string(1, c) : std::string("\\x") + kHexDigits[c >> 4] + kHexDigits[c & 0xf];
    Report<diag::kUnexpectedCharacter>(pos_, 1, shown);
    t.kind = Tok::kError;
    ++pos_;
  }

  // An f-string being lexed; innermost last.
  struct OpenFString {
    uint32_t start;      // offset of its `f`
    size_t first_token;  // index of its kFStringStart
    int hole_braces;   // -1 in its text; in a hole, the `{` open there
    int hole_parens;     // in a hole, the `(` and `[` open there
  };

  std::string_view src_;
  Diagnostics& diags_;
  size_t pos_ = 0;
  size_t end_;
  std::vector<Token> tokens_;
  std::vector<OpenFString> fstrings_;
  std::vector<std::function<void()>> pending_errors_;
};

}  // namespace

std::vector<Token> Lex(const SourceFile& file, Diagnostics& diags) { return Lexer(file, 0, diags).Run(); }

std::vector<Token> LexPart(const SourceFile& file, size_t part, Diagnostics& diags) {
  return Lexer(file, part, diags).Run();
}

}  // namespace ruchy
