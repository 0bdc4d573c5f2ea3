#include "ruchy_frontend/builtins/signature.h"

#include <cctype>

namespace ruchy {

namespace {

// Recursive descent over the signature grammar:
//   signature := ['<' var {',' var} '>'] '(' [param {',' param}] ')' '->' type
//   param     := type | '...'
//   type      := '!' | '(' [type {',' type}] ')' | 'fn' '(' [type {',' type}] ')' '->' type
//              | NAME ['<' type {',' type} '>']
class SigParser {
 public:
  explicit SigParser(std::string_view text) : text_(text) {}

  bool Signature(ruchy::Signature* out) {
    if (Accept('<')) {
      do {
        std::string v = Name();
        if (!IsVarName(v)) return Fail("a type variable (one capital letter)");
        out->turbofish.push_back(v);
      } while (Accept(','));
      if (!Accept('>')) return Fail("`>`");
    }
    if (!Accept('(')) return Fail("`(`");
    if (!Accept(')')) {
      do {
        if (AcceptText("...")) {
          out->variadic = true;
          break;
        }
        SigType p;
        if (!Type(&p)) return false;
        out->params.push_back(std::move(p));
      } while (Accept(','));
      if (!Accept(')')) return Fail("`)`");
    }
    if (!AcceptText("->")) return Fail("`->`");
    if (!Type(&out->result)) return false;
    return End();
  }

  bool Type(SigType* out) {
    Skip();
    if (Accept('!')) {
      out->kind = SigType::Kind::kNever;
      return true;
    }
    if (Accept('(')) {
      out->kind = SigType::Kind::kTuple;
      if (Accept(')')) return true;
      if (!List(&out->args, ')')) return false;
      return true;
    }
    std::string name = Name();
    if (name.empty()) return Fail("a type");
    if (name == "fn") {
      out->kind = SigType::Kind::kFn;
      if (!Accept('(')) return Fail("`(` after `fn`");
      if (!Accept(')') && !List(&out->args, ')')) return false;
      if (!AcceptText("->")) return Fail("`->` in a function type");
      SigType ret;
      if (!Type(&ret)) return false;
      out->args.push_back(std::move(ret));
      return true;
    }
    if (IsVarName(name)) {
      out->kind = SigType::Kind::kVar;
      out->name = name;
      return true;
    }
    out->name = name;
    if (name == "Self") out->kind = SigType::Kind::kSelf;
    else if (name == "Int") out->kind = SigType::Kind::kAnyInt;
    else out->kind = SigType::Kind::kNamed;
    if (Accept('<') && !List(&out->args, '>')) return false;
    return true;
  }

  bool End() {
    Skip();
    return pos_ == text_.size() || Fail("the end");
  }

  const std::string& error() const { return error_; }

 private:
  static bool IsVarName(const std::string& s) { return s.size() == 1 && std::isupper(static_cast<unsigned char>(s[0])); }

  bool List(std::vector<SigType>* out, char close) {
    do {
      SigType t;
      if (!Type(&t)) return false;
      out->push_back(std::move(t));
    } while (Accept(','));
    if (!Accept(close)) return Fail(std::string("`") + close + "`");
    return true;
  }

  void Skip() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  bool Accept(char c) {
    Skip();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool AcceptText(std::string_view s) {
    Skip();
    if (text_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  std::string Name() {
    Skip();
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }
  bool Fail(const std::string& expected) {
    if (error_.empty()) error_ = "expected " + expected + " at column " + std::to_string(pos_ + 1) + " of `" + std::string(text_) + "`";
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

std::string Join(const std::vector<SigType>& types, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += (i ? ", " : "") + types[i].ToString();
  return out;
}

}  // namespace

std::string SigType::ToString() const {
  switch (kind) {
    case Kind::kVar:
    case Kind::kSelf:
    case Kind::kAnyInt:
      return name;
    case Kind::kNever:
      return "!";
    case Kind::kTuple:
      return "(" + Join(args, args.size()) + ")";
    case Kind::kFn:
      return "fn(" + Join(args, args.size() - 1) + ") -> " + args.back().ToString();
    case Kind::kNamed:
      return args.empty() ? name : name + "<" + Join(args, args.size()) + ">";
  }
  return name;
}

std::string Signature::ToString() const {
  std::string out;
  if (!turbofish.empty()) {
    out += "<";
    for (size_t i = 0; i < turbofish.size(); ++i) out += (i ? ", " : "") + turbofish[i];
    out += ">";
  }
  out += "(" + Join(params, params.size());
  if (variadic) out += params.empty() ? "..." : ", ...";
  return out + ") -> " + result.ToString();
}

bool ParseSignature(std::string_view text, Signature* out, std::string* error) {
  SigParser p(text);
  if (p.Signature(out)) return true;
  *error = p.error();
  return false;
}

bool ParseSigType(std::string_view text, SigType* out, std::string* error) {
  SigParser p(text);
  if (p.Type(out) && p.End()) return true;
  *error = p.error();
  return false;
}

}  // namespace ruchy
