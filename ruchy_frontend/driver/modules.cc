#include "ruchy_frontend/driver/modules.h"

#include <map>
#include <set>

#include "ruchy_frontend/ast/module_path.h"
#include "ruchy_frontend/parse/parser.h"

namespace ruchy {
namespace {

using module_path::Anchor;
using module_path::AnchorOf;
using module_path::Inside;
using module_path::Parent;
using module_path::Qualified;
using module_path::Segments;

std::string Directory(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

class Loader {
 public:
  Loader(SourceFile& file, Diagnostics& diags, Program& program, const FileReader& read)
      : file_(file), diags_(diags), program_(program), read_(read) {}

  std::vector<std::string> Run(const std::vector<Dependency>& deps, const std::string& std_root) {
    std_root_ = std_root;
    packages_.push_back(Package{"", Directory(file_.path())});
    files_.push_back(FileModule{0, "", 0});
    module_file_[""] = 0;
    ParseFile(0);
    std::vector<std::string> roots;
    for (const Dependency& dep : deps) {
      if (package_of_root_.count(dep.name)) continue;
      std::string text;
      Item item{};
      item.kind = Item::Kind::kMod;
      item.loc = Loc{0};
      item.path = dep.name;
      item.module = "";
      item.is_pub = true;
      item.module_file = true;
      program_.items.push_back(std::move(item));
      if (!read_ || !read_(dep.root, text)) {
        diags_.Emit<diag::kModuleFileMissing>(Loc{0}, 1, dep.name, dep.root);
        continue;
      }
      package_of_root_[dep.name] = packages_.size();
      packages_.push_back(Package{dep.name, Directory(dep.root)});
      roots.push_back(dep.name);
      AddFile(dep.root, text, dep.name, packages_.size() - 1);
    }
    // Files are parsed as they are found; each one's `mod` and `use` may add more.
    for (size_t i = 0; i < files_.size(); ++i) ScanItems(i);
    ReportCycles();
    if (std_package_ != kMissing) roots.push_back(std::string(module_path::kStdPackage));
    return roots;
  }

 private:
  struct Package {
    std::string module;  // "" for the program, else the library's name
    std::string dir;     // directory of its root file, with a trailing '/' (or "")
  };
  struct FileModule {
    size_t part;         // in file_
    std::string module;  // its module path
    size_t package;
    size_t first_item = 0, end_item = 0;  // its items in program_.items
  };
  struct Edge {
    size_t to;
    Loc loc;
    uint32_t length;
  };

  void ParseFile(size_t index) {
    FileModule& f = files_[index];
    f.first_item = program_.items.size();
    ParsePart(file_, f.part, diags_, f.module, program_);
    files_[index].end_item = program_.items.size();
    for (size_t i = files_[index].first_item; i < files_[index].end_item; ++i) Declare(program_.items[i]);
  }

  void Declare(const Item& item) {
    if (item.kind == Item::Kind::kFun) declared_.insert(item.fun->name);
    if (item.kind == Item::Kind::kType) declared_.insert(item.type->name);
    if (item.kind == Item::Kind::kMod) declared_.insert(item.path);
    // An imported name is declared where it is imported (`use net::http as h` then `use h::get`).
    if (item.kind == Item::Kind::kUse) {
      for (const UseName& u : item.uses) {
        if (!u.is_glob && u.path != u.alias) declared_.insert(Qualified(item.module, u.alias));
      }
    }
  }

  size_t AddFile(const std::string& path, const std::string& text, const std::string& module, size_t package) {
    size_t part = file_.AddFile(path, text);
    files_.push_back(FileModule{part, module, package});
    module_file_[module] = files_.size() - 1;
    ParseFile(files_.size() - 1);
    return files_.size() - 1;
  }

  // The file of module `module` in its package: D/a/b.ruchy for `pkg::a::b`.
  std::string PathOf(const std::string& module, size_t package) const {
    const Package& p = packages_[package];
    std::string rel = p.module.empty() ? module : module.substr(p.module.size() + 2);
    std::string path = p.dir;
    for (const std::string& s : Segments(rel)) path += s + "/";
    path.back() = '.';
    return path + "ruchy";
  }

  // Loads module `module`'s file, once. Returns its index in files_, or -1 (reported at loc).
  long Load(const std::string& module, size_t package, Loc loc, uint32_t length) {
    auto it = module_file_.find(module);
    if (it != module_file_.end()) return static_cast<long>(it->second);
    std::string path = PathOf(module, package);
    std::string text;
    if (!read_ || !read_(path, text)) {
      diags_.Emit<diag::kModuleFileMissing>(loc, length, module, path);
      module_file_[module] = kMissing;  // reported once
      return -1;
    }
    return static_cast<long>(AddFile(path, text, module, package));
  }

  // Loads the standard library's module `std::name` from std_root_, once; false when the library
  // has no such file (a built-in path such as `std::collections`).
  bool LoadStd(const std::string& name, Loc loc) {
    const std::string package(module_path::kStdPackage);
    std::string module = Qualified(package, name);
    auto it = module_file_.find(module);
    if (it != module_file_.end()) return it->second != kMissing;
    std::string text;
    std::string path = std_root_ + "/" + name + ".ruchy";
    if (std_root_.empty() || !read_ || !read_(path, text)) {
      module_file_[module] = kMissing;
      return false;
    }
    if (std_package_ == kMissing) {
      std_package_ = packages_.size();
      packages_.push_back(Package{package, std_root_ + "/"});
      program_.items.push_back(ModItem(package, "", loc));
      declared_.insert(package);
    }
    program_.items.push_back(ModItem(module, package, loc));
    declared_.insert(module);
    AddFile(path, text, module, std_package_);
    return true;
  }

  // The declaration of a file module the loader found itself (a library's root, a std module).
  static Item ModItem(const std::string& path, const std::string& in_module, Loc loc) {
    Item item{};
    item.kind = Item::Kind::kMod;
    item.loc = loc;
    item.path = path;
    item.module = in_module;
    item.is_pub = true;
    item.module_file = true;
    return item;
  }

  void ScanItems(size_t index) {
    FileModule f = files_[index];
    // Loading appends to program_.items: items are read by index, and copied before a load.
    for (size_t i = f.first_item; i < f.end_item; ++i) {
      const Item& item = program_.items[i];
      if (item.kind == Item::Kind::kMod && item.module_file) {
        std::string path = item.path;
        Load(path, f.package, item.loc, static_cast<uint32_t>(Segments(path).back().size()));
      } else if (item.kind == Item::Kind::kStmt && index != 0) {
        // Only the program's own file has top-level code: it runs once, in order. A module
        // file's would have no place in that order (and its names would be global).
        const Expr* e = item.stmt.get();
        diags_.Emit<diag::kModuleFileStatement>(item.loc, e ? e->length : 1, module_path::DisplayName(f.module));
      } else if (item.kind == Item::Kind::kUse) {
        std::string module = item.module;
        std::vector<UseName> uses = item.uses;
        for (const UseName& u : uses) ScanUse(index, module, u);
      }
    }
  }

  // The file module a `use` names (loading it if it is a file next to the package's root), and
  // an edge to it from the file the `use` is in, for the cycle check.
  void ScanUse(size_t from, const std::string& item_module, const UseName& u) {
    std::vector<std::string> segs = Segments(u.path);
    const FileModule f = files_[from];
    const Package pkg = packages_[f.package];
    std::string target;
    size_t i = 0;
    Anchor anchor = AnchorOf(segs[0]);
    if (anchor == Anchor::kStd) {
      // A Ruchy-written module of the standard library, or else one of the compiler's built-in
      // `std::` paths, which need no file.
      if (segs.size() < 2 || !LoadStd(segs[1], u.loc)) return;
      target = Qualified(std::string(module_path::kStdPackage), segs[1]);
      i = 2;
    } else if (anchor == Anchor::kCrate) {
      target = pkg.module;
      i = 1;
    } else if (module_path::Relative(anchor)) {
      target = item_module;
      for (; i < segs.size() && module_path::Relative(AnchorOf(segs[i])); ++i) {
        if (AnchorOf(segs[i]) == Anchor::kSuper) target = Parent(target);
      }
    } else if (package_of_root_.count(segs[0]) && Declared(segs[0], item_module, pkg.module).empty()) {
      target = segs[0];
      i = 1;
    } else {
      std::string found = Declared(segs[0], item_module, pkg.module);
      if (found.empty()) {
        // Not declared here: a file next to the package's root.
        std::string module = Qualified(pkg.module, segs[0]);
        if (!module_file_.count(module)) {
          Item mod{};
          mod.kind = Item::Kind::kMod;
          mod.loc = u.loc;
          mod.path = module;
          mod.module = pkg.module;
          mod.module_file = true;
          program_.items.push_back(std::move(mod));
          declared_.insert(module);
        }
        if (Load(module, f.package, u.loc, static_cast<uint32_t>(segs[0].size())) < 0) return;
        found = module;
      }
      target = found;
      i = 1;
    }
    // The innermost file module on the path.
    std::string walk = target;
    long to = -1;
    for (; i <= segs.size(); ++i) {
      auto it = module_file_.find(walk);
      if (it != module_file_.end() && it->second != kMissing) to = static_cast<long>(it->second);
      if (i == segs.size()) break;
      walk = Qualified(walk, segs[i]);
    }
    if (to < 0 || static_cast<size_t>(to) == from) return;
    // A module may always use the modules that contain it: that is no cycle.
    if (Inside(f.module, files_[to].module) && files_[to].package == f.package) return;
    edges_[from].push_back(Edge{static_cast<size_t>(to), u.loc, u.length});
  }

  // What `name` means in `module` (looking outward, not past the package's root): the full path
  // of a declared item or module, or "".
  std::string Declared(const std::string& name, const std::string& module, const std::string& package_root) const {
    std::string mod = module;
    while (true) {
      std::string full = Qualified(mod, name);
      if (declared_.count(full)) return full;
      if (mod == package_root || mod.empty()) return "";
      mod = Parent(mod);
    }
  }

  void ReportCycles() {
    std::vector<int> state(files_.size(), 0);  // 0 new, 1 on the stack, 2 done
    std::vector<size_t> stack;
    std::function<void(size_t)> visit = [&](size_t n) {
      state[n] = 1;
      stack.push_back(n);
      for (const Edge& e : edges_[n]) {
        if (state[e.to] == 1) {
          std::string cycle;
          bool on = false;
          for (size_t s : stack) {
            on = on || s == e.to;
            if (on) cycle += "`" + Name(s) + "` -> ";
          }
          cycle += "`" + Name(e.to) + "`";
          diags_.Emit<diag::kImportCycle>(e.loc, e.length, cycle);
        } else if (state[e.to] == 0) {
          visit(e.to);
        }
      }
      stack.pop_back();
      state[n] = 2;
    };
    for (size_t n = 0; n < files_.size(); ++n) {
      if (state[n] == 0) visit(n);
    }
  }

  std::string Name(size_t file) const { return module_path::DisplayName(files_[file].module); }

  static constexpr size_t kMissing = static_cast<size_t>(-1);

  SourceFile& file_;
  Diagnostics& diags_;
  Program& program_;
  const FileReader& read_;
  std::string std_root_;
  size_t std_package_ = kMissing;  // index in packages_ once a std module is loaded
  std::vector<Package> packages_;
  std::map<std::string, size_t> package_of_root_;
  std::vector<FileModule> files_;
  std::map<std::string, size_t> module_file_;  // module path -> files_ index (kMissing: reported)
  std::set<std::string> declared_;             // full paths of declared items, modules and imports
  std::map<size_t, std::vector<Edge>> edges_;
};

}  // namespace

std::vector<std::string> LoadModules(SourceFile& file, Diagnostics& diags, Program& program,
                                     const std::vector<Dependency>& deps, const FileReader& read,
                                     const std::string& std_root) {
  return Loader(file, diags, program, read).Run(deps, std_root);
}

}  // namespace ruchy
