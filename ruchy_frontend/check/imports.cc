// Modules, `use` and `pub`: what a path names, from the module it is written in, and whether
// that module may name it (docs/language.md, "Modules and packages").
//
// A path's first segment is looked up outward from the current module (its items, modules and
// imports, then its parent's, ...) but not past the root of a library: code in a library never
// sees the program that uses it. `crate`, `self` and `super` start from the package root, the
// current module and its parent. Each later segment is an item, module or `pub use` of the module
// before it. An item is visible in the module that declares it and inside that module; elsewhere
// only if it is `pub` (and so is every module on the way to it).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {
namespace {

std::string Qualified(const std::string& module, const std::string& name) {
  return module.empty() ? name : module + "::" + name;
}

std::string Parent(const std::string& path) {
  size_t colon = path.rfind("::");
  return colon == std::string::npos ? "" : path.substr(0, colon);
}

// Whether `module` is `outer` or inside it.
bool Inside(const std::string& module, const std::string& outer) {
  return outer.empty() || module == outer || module.rfind(outer + "::", 0) == 0;
}

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t colon = path.find("::", start);
    out.push_back(path.substr(start, colon - start));
    if (colon == std::string::npos) return out;
    start = colon + 2;
  }
}

std::string ModuleName(const std::string& module) { return module.empty() ? "crate" : module; }

}  // namespace

void Checker::CollectModuleNames() {
  for (const std::string& root : options_.package_roots) package_roots_.insert(root);
  for (const Item& item : program_.items) {
    std::string full;
    Loc loc = item.loc;
    bool is_pub = item.is_pub;
    if (item.kind == Item::Kind::kFun) {
      full = item.fun->name;
      loc = item.fun->loc;
      is_pub = is_pub || item.fun->is_pub;
    } else if (item.kind == Item::Kind::kType) {
      full = item.type->name;
      loc = item.type->loc;
    } else if (item.kind == Item::Kind::kMod) {
      full = item.path;
    } else {
      continue;
    }
    if (!declared_.insert(full).second) continue;  // duplicates are reported with declarations
    declared_at_[full] = loc;
    if (is_pub || package_roots_.count(full)) pub_items_.insert(full);
  }
}

std::string Checker::PackageRootOf(const std::string& module) const {
  for (std::string m = module; !m.empty(); m = Parent(m)) {
    if (package_roots_.count(m)) return m;
  }
  return "";
}

bool Checker::VisibleFrom(const std::string& path, const std::string& from) const {
  return pub_items_.count(path) || Inside(from, Parent(path));
}

Checker::PathResolution Checker::ResolvePath(const std::string& written, const std::string& from) const {
  PathResolution r;
  std::vector<std::string> segs = Segments(written);
  std::string cur;
  size_t i = 0;
  if (segs[0] == "crate") {
    cur = PackageRootOf(from);
    i = 1;
  } else if (segs[0] == "self" || segs[0] == "super") {
    cur = from;
    for (; i < segs.size() && (segs[i] == "self" || segs[i] == "super"); ++i) {
      if (segs[i] == "self") continue;
      if (cur.empty() || package_roots_.count(cur)) {
        r.missing_in = "module `" + ModuleName(cur) + "`";
        r.missing = "super";
        return r;
      }
      cur = Parent(cur);
    }
  } else {
    // Outward from `from`, to its package's root; past it, only the libraries themselves.
    bool found = false;
    bool past_root = false;
    std::string mod = from;
    while (true) {
      std::string full = Qualified(mod, segs[0]);
      if (!past_root || package_roots_.count(full)) {
        if (declared_.count(full)) {
          cur = full;
          found = true;
          break;
        }
        auto alias = aliases_.find(full);
        if (alias != aliases_.end()) {
          cur = alias->second.target;
          found = true;
          break;
        }
      }
      if (mod.empty()) break;
      if (package_roots_.count(mod)) past_root = true;
      mod = Parent(mod);
    }
    if (!found) {
      r.missing_in = "module `" + ModuleName(from) + "`";
      r.missing = segs[0];
      return r;
    }
    i = 1;
  }
  for (; i < segs.size(); ++i) {
    std::string next = Qualified(cur, segs[i]);
    if (declared_.count(next)) {
      if (r.blocked.empty() && !VisibleFrom(next, from)) r.blocked = next;
      cur = next;
      continue;
    }
    auto alias = aliases_.find(next);
    if (alias != aliases_.end()) {
      if (r.blocked.empty() && !alias->second.is_pub && !Inside(from, cur)) r.blocked = next;
      cur = alias->second.target;
      continue;
    }
    r.missing_in = "module `" + ModuleName(cur) + "`";
    r.missing = segs[i];
    return r;
  }
  r.found = true;
  r.full = cur;
  return r;
}

void Checker::ResolveImports() {
  CollectModuleNames();
  struct Pending {
    const Item* item;
    const UseName* use;
  };
  std::vector<Pending> pending;
  for (const Item& item : program_.items) {
    if (item.kind != Item::Kind::kUse) continue;
    for (const UseName& u : item.uses) {
      if (u.path == "std" || u.path.rfind("std::", 0) == 0) continue;  // always available
      if (u.is_glob) {
        ReportAt<diag::kGlobImport>(u.loc, u.length, u.path);
        failed_globs_.insert(item.module);
        continue;
      }
      pending.push_back(Pending{&item, &u});
    }
  }
  // An import may go through another (`use a::b` then `use b::c`): resolve until nothing moves.
  bool progress = true;
  while (progress && !pending.empty()) {
    progress = false;
    std::vector<Pending> still;
    for (const Pending& p : pending) {
      if (ResolvePath(p.use->path, p.item->module).found) {
        AddImport(*p.item, *p.use);
        progress = true;
      } else {
        still.push_back(p);
      }
    }
    pending = std::move(still);
  }
  for (const Pending& p : pending) {
    PathResolution r = ResolvePath(p.use->path, p.item->module);
    ReportAt<diag::kUnknownImport>(p.use->loc, p.use->length, p.use->path, r.missing_in, r.missing);
    failed_imports_.insert(Qualified(p.item->module, p.use->alias));
  }
}

void Checker::AddImport(const Item& item, const UseName& u) {
  PathResolution r = ResolvePath(u.path, item.module);
  if (!r.blocked.empty()) ReportPrivate(u.loc, u.length, r.blocked);
  std::string key = Qualified(item.module, u.alias);
  if (key == r.full) return;  // `use geometry` at the top: it is already that
  if (declared_.count(key)) {
    ReportAt<diag::kImportClash>(u.loc, u.length, u.alias, r.full, key);
    return;
  }
  auto old = aliases_.find(key);
  if (old != aliases_.end()) {
    if (old->second.target != r.full) ReportAt<diag::kImportClash>(u.loc, u.length, u.alias, r.full, old->second.target);
    return;
  }
  aliases_[key] = ImportAlias{r.full, item.is_pub, u.loc};
}

void Checker::ReportPrivate(Loc loc, uint32_t length, const std::string& item) {
  if (!reported_access_.insert(loc.offset).second) return;
  std::string where = "?";
  auto at = declared_at_.find(item);
  Loc decl = at != declared_at_.end() ? at->second : aliases_.count(item) ? aliases_.at(item).loc : Loc{};
  if (at != declared_at_.end() || aliases_.count(item)) {
    const SourceFile& file = diags_.file();
    where = file.PathAt(decl) + ":" + std::to_string(file.Position(decl).line);
  }
  ReportAt<diag::kPrivateItem>(loc, length, item, ModuleName(Parent(item)), where);
}

bool Checker::ImportFailed(const std::string& name) const {
  if (failed_imports_.empty() && failed_globs_.empty()) return false;
  std::string head = name.substr(0, name.find("::"));
  for (std::string mod = module_;; mod = Parent(mod)) {
    if (failed_imports_.count(Qualified(mod, head)) || failed_globs_.count(mod)) return true;
    if (mod.empty()) return false;
  }
}

void Checker::CheckAccess(Loc loc, uint32_t length, const std::string& written) {
  if (written.find("::") == std::string::npos) return;
  PathResolution r = ResolvePath(written, module_);
  if (!r.blocked.empty()) ReportPrivate(loc, length, r.blocked);
}

}  // namespace ruchy
