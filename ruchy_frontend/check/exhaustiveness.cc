#include "ruchy_frontend/check/exhaustiveness.h"

#include <set>

namespace ruchy {

namespace {

// A pattern reduced to what coverage needs: a wildcard, or a constructor (an index into its
// type's constructor list) applied to sub-patterns.
struct Pat {
  int ctor = -1;  // -1: wildcard
  std::vector<Pat> args;
};

using Row = std::vector<Pat>;

// Constructors of a type with finitely many: names and payload types. Types with too many values
// (numbers, strings, vectors, maps, functions, JSON) have none and only wildcards split them.
struct Ctor {
  enum class Form { kPlain, kTuple, kStruct };
  Ctor(std::string n, std::vector<Type*> p = {}, Form f = Form::kPlain)
      : name(std::move(n)), payload(std::move(p)), form(f) {}
  std::string name;            // as written in a pattern (`Some`, `Shape::Circle`, `true`)
  std::vector<Type*> payload;  // argument types
  Form form;
  std::vector<std::string> fields;  // kStruct: field names
};

constexpr size_t kMaxWitnesses = 4;

class Coverage {
 public:
  explicit Coverage(const std::map<std::string, TypeInfo>& types) : types_(types) {}

  std::vector<Ctor> Ctors(Type* t) const {
    t = Resolve(t);
    switch (t->kind) {
      case TypeKind::kBool:
        return {{"false", {}}, {"true", {}}};
      case TypeKind::kOption:
        return {{"None", {}}, {"Some", {t->args[0]}, Ctor::Form::kTuple}};
      case TypeKind::kResult:
        return {{"Ok", {t->args[0]}, Ctor::Form::kTuple}, {"Err", {t->args[1]}, Ctor::Form::kTuple}};
      case TypeKind::kUnit:
        return {{"()", {}}};
      case TypeKind::kTuple:
        return {{"", t->args, Ctor::Form::kTuple}};
      case TypeKind::kEnum: {
        const TypeInfo& info = InfoOf(t);
        std::vector<Ctor> out;
        for (size_t i = 0; i < t->decl->variants.size(); ++i) {
          const VariantDecl& v = t->decl->variants[i];
          Ctor c{t->decl->name + "::" + v.name, info.variant_types[i]};
          if (v.is_struct) {
            c.form = Ctor::Form::kStruct;
            for (const FieldDecl& f : v.fields) c.fields.push_back(f.name);
          } else if (!c.payload.empty()) {
            c.form = Ctor::Form::kTuple;
          }
          out.push_back(std::move(c));
        }
        return out;
      }
      case TypeKind::kStruct: {
        const TypeInfo& info = InfoOf(t);
        Ctor c{t->decl->name, info.field_types, t->decl->is_tuple ? Ctor::Form::kTuple : Ctor::Form::kStruct};
        for (const FieldDecl& f : t->decl->fields) c.fields.push_back(f.name);
        return {c};
      }
      default:
        return {};
    }
  }

  // The reduced forms of pattern `p` on a value of type `t` (several for `a | b`).
  std::vector<Pat> Reduce(const Pattern* p, Type* t) const {
    switch (p->kind) {
      case Pattern::Kind::kWildcard:
        return {Pat{}};
      case Pattern::Kind::kBind:
        return p->subs.empty() ? std::vector<Pat>{Pat{}} : Reduce(p->subs[0].get(), t);
      case Pattern::Kind::kOr: {
        std::vector<Pat> out;
        for (const auto& s : p->subs) {
          for (Pat& r : Reduce(s.get(), t)) out.push_back(std::move(r));
        }
        return out;
      }
      case Pattern::Kind::kLiteral:
        if (Resolve(t)->kind == TypeKind::kBool && p->expr && p->expr->kind == ExprKind::kBool) {
          return {Pat{p->expr->bool_value ? 1 : 0, {}}};
        }
        return {Pat{}};  // a number, string or char: see the header
      case Pattern::Kind::kRange:
      case Pattern::Kind::kList:
        return {Pat{}};
      case Pattern::Kind::kTuple:
        return Product(0, p->subs, Ctors(t));
      case Pattern::Kind::kStruct:
        return ByField(0, p, Ctors(t));
      case Pattern::Kind::kVariant: {
        std::vector<Ctor> ctors = Ctors(t);
        const std::string& text = p->text;
        std::string last = text.substr(text.rfind(':') == std::string::npos ? 0 : text.rfind(':') + 1);
        for (size_t i = 0; i < ctors.size(); ++i) {
          const std::string& n = ctors[i].name;
          std::string nlast = n.substr(n.rfind(':') == std::string::npos ? 0 : n.rfind(':') + 1);
          if (nlast != last) continue;
          if (p->has_struct_fields) return ByField(static_cast<int>(i), p, ctors);
          return Product(static_cast<int>(i), p->subs, ctors);
        }
        return {Pat{}};  // the checker reported it already
      }
    }
    return {Pat{}};
  }

  // Every missing row of `tys`-typed values that no row of `matrix` matches (up to a few).
  std::vector<Row> Missing(const std::vector<Row>& matrix, const std::vector<Type*>& tys) {
    if (tys.empty()) return matrix.empty() ? std::vector<Row>{Row{}} : std::vector<Row>{};
    if (++steps_ > kMaxSteps) return {};  // pathological patterns: give up (the runtime check remains)
    Type* t = tys[0];
    std::vector<Type*> rest(tys.begin() + 1, tys.end());
    std::vector<Ctor> ctors = Ctors(t);
    std::set<int> present;
    for (const Row& r : matrix) {
      if (r[0].ctor >= 0) present.insert(r[0].ctor);
    }
    std::vector<Row> out;
    if (!ctors.empty() && present.size() == ctors.size()) {
      for (size_t c = 0; c < ctors.size() && out.size() < kMaxWitnesses; ++c) {
        std::vector<Type*> sub = ctors[c].payload;
        sub.insert(sub.end(), rest.begin(), rest.end());
        for (Row& w : Missing(Specialize(matrix, static_cast<int>(c), ctors[c].payload.size()), sub)) {
          Pat head{static_cast<int>(c), {}};
          head.args.assign(w.begin(), w.begin() + ctors[c].payload.size());
          Row row{head};
          row.insert(row.end(), w.begin() + ctors[c].payload.size(), w.end());
          out.push_back(std::move(row));
          if (out.size() >= kMaxWitnesses) break;
        }
      }
      return out;
    }
    std::vector<Row> defaults;
    for (const Row& r : matrix) {
      if (r[0].ctor < 0) defaults.emplace_back(r.begin() + 1, r.end());
    }
    std::vector<Row> tails = Missing(defaults, rest);
    if (tails.empty()) return {};
    // The head of a witness: the constructors no row starts with (or any value, when the type has
    // too many to list).
    std::vector<Pat> heads;
    if (!ctors.empty()) {
      for (size_t c = 0; c < ctors.size(); ++c) {
        if (!present.count(static_cast<int>(c))) heads.push_back(Pat{static_cast<int>(c), std::vector<Pat>(ctors[c].payload.size())});
      }
    } else {
      heads.push_back(Pat{});
    }
    for (const Pat& h : heads) {
      for (const Row& tail : tails) {
        Row row{h};
        row.insert(row.end(), tail.begin(), tail.end());
        out.push_back(std::move(row));
        if (out.size() >= kMaxWitnesses) return out;
      }
    }
    return out;
  }

  std::string Text(const Pat& p, Type* t) const {
    if (p.ctor < 0) return "_";
    std::vector<Ctor> ctors = Ctors(t);
    const Ctor& c = ctors[p.ctor];
    auto arg = [&](size_t i) { return Text(i < p.args.size() ? p.args[i] : Pat{}, c.payload[i]); };
    std::string out = c.name;
    if (c.form == Ctor::Form::kTuple) {
      out += "(";
      for (size_t i = 0; i < c.payload.size(); ++i) out += (i ? ", " : "") + arg(i);
      if (c.name.empty() && c.payload.size() == 1) out += ",";
      out += ")";
    } else if (c.form == Ctor::Form::kStruct) {
      out += " {";
      for (size_t i = 0; i < c.payload.size(); ++i) out += (i ? ", " : " ") + c.fields[i] + ": " + arg(i);
      out += c.payload.empty() ? "}" : " }";
    }
    return out;
  }

 private:
  static constexpr int kMaxSteps = 100000;

  std::vector<Row> Specialize(const std::vector<Row>& matrix, int ctor, size_t arity) const {
    std::vector<Row> out;
    for (const Row& r : matrix) {
      if (r[0].ctor >= 0 && r[0].ctor != ctor) continue;
      Row row;
      if (r[0].ctor < 0) {
        row.assign(arity, Pat{});
      } else {
        row = r[0].args;
        row.resize(arity);
      }
      row.insert(row.end(), r.begin() + 1, r.end());
      out.push_back(std::move(row));
    }
    return out;
  }

  // `C(a, b)` where each sub-pattern may reduce to several forms: every combination.
  std::vector<Pat> Product(int ctor, const std::vector<PatternPtr>& subs, const std::vector<Ctor>& ctors) const {
    if (ctor >= static_cast<int>(ctors.size())) return {Pat{}};
    const std::vector<Type*>& payload = ctors[ctor].payload;
    std::vector<Pat> out{Pat{ctor, {}}};
    for (size_t i = 0; i < payload.size(); ++i) {
      std::vector<Pat> choices = i < subs.size() ? Reduce(subs[i].get(), payload[i]) : std::vector<Pat>{Pat{}};
      std::vector<Pat> next;
      for (const Pat& prefix : out) {
        for (const Pat& c : choices) {
          Pat p = prefix;
          p.args.push_back(c);
          next.push_back(std::move(p));
          if (next.size() > 256) return {Pat{}};  // too many alternatives to track: treated as covering
        }
      }
      out = std::move(next);
    }
    return out;
  }

  // `S { a: p, .. }` and `E::V { a: p }`: sub-patterns by field name, missing fields are wildcards.
  std::vector<Pat> ByField(int ctor, const Pattern* p, const std::vector<Ctor>& ctors) const {
    if (ctor >= static_cast<int>(ctors.size())) return {Pat{}};
    const Ctor& c = ctors[ctor];
    std::vector<const Pattern*> subs(c.payload.size(), nullptr);
    for (const auto& [name, sub] : p->fields) {
      for (size_t i = 0; i < c.fields.size(); ++i) {
        if (c.fields[i] == name) subs[i] = sub.get();
      }
    }
    std::vector<Pat> out{Pat{ctor, {}}};
    for (size_t i = 0; i < c.payload.size(); ++i) {
      std::vector<Pat> choices = subs[i] ? Reduce(subs[i], c.payload[i]) : std::vector<Pat>{Pat{}};
      std::vector<Pat> next;
      for (const Pat& prefix : out) {
        for (const Pat& choice : choices) {
          Pat q = prefix;
          q.args.push_back(choice);
          next.push_back(std::move(q));
          if (next.size() > 256) return {Pat{}};
        }
      }
      out = std::move(next);
    }
    return out;
  }

  // A generic type's instance has its own entry (by TypeKey) once types are final; an instance
  // still open is covered by its declaration's shape.
  const TypeInfo& InfoOf(Type* t) const {
    auto it = types_.find(TypeKey(t));
    return it != types_.end() ? it->second : types_.at(t->decl->name);
  }
  const std::map<std::string, TypeInfo>& types_;
  int steps_ = 0;
};

}  // namespace

MatchCoverage CheckCoverage(const std::vector<const Pattern*>& arms, Type* scrutinee,
                            const std::map<std::string, TypeInfo>& types) {
  Coverage c(types);
  std::vector<Row> matrix;
  for (const Pattern* p : arms) {
    for (Pat& r : c.Reduce(p, scrutinee)) matrix.push_back(Row{std::move(r)});
  }
  MatchCoverage out;
  std::vector<Row> missing = c.Missing(matrix, {scrutinee});
  for (const Row& w : missing) {
    if (out.missing.size() < 3) out.missing.push_back(c.Text(w[0], scrutinee));
    else ++out.more;
  }
  return out;
}

}  // namespace ruchy
