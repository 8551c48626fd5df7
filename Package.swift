// swift-tools-version:6.0
import Foundation
import PackageDescription

// Every YAML file in the top-level Rules/ folder ships inside the library; a new rule file needs no edit here.
let bundledRuleFiles: [Resource] = ((try? FileManager.default.contentsOfDirectory(
    atPath: Context.packageDirectory + "/Rules")) ?? [])
    .filter { $0.hasSuffix(".yaml") }
    .sorted()
    .map { .copy($0) }

let package = Package(
    name: "ScanRules",
    products: [
        .library(name: "ScanRules", targets: ["ScanRules"]),
        .executable(name: "scanrules", targets: ["scanrules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // libpcre2-8 from the system (Debian: libpcre2-dev), found through pkg-config.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // The top-level Rules/ folder: the bundled rule files, shipped as resources.
        .target(
            name: "BundledRules",
            path: "Rules",
            exclude: ["README.md"],
            resources: bundledRuleFiles
        ),
        .target(
            name: "ScanRules",
            dependencies: ["CPCRE2", "BundledRules", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "scanrules",
            dependencies: ["ScanRules", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks (release builds): `swift run -c release scanrules-bench` — see Benchmarks/README.md.
        .target(name: "MallocCounter", path: "Benchmarks/MallocCounter"),
        .executableTarget(
            name: "scanrules-bench",
            dependencies: ["ScanRules", "MallocCounter", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/ScanRulesBench"
        ),
        .testTarget(
            name: "ScanRulesTests",
            dependencies: ["ScanRules"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
