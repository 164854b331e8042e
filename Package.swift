// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gloss",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
        .library(name: "GlossCore", targets: ["GlossCore"]),
        .library(name: "GlossStore", targets: ["GlossStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.0"),
    ],
    targets: [
        // Pure logic: deck model, scheduling, questions, grading, stats, optimizer. No I/O.
        .target(name: "GlossCore"),
        // Files: deck formats, importers, progress snapshot and review journal.
        .target(
            name: "GlossStore",
            dependencies: [
                "GlossCore", "CZstd", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The system zstd library (Anki's collection.anki21b), through a shim header.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        // GNU readline, through a tiny shim header.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]
        ),
        // Commands and the REPL.
        .target(
            name: "GlossCLI",
            dependencies: [
                "GlossCore", "GlossStore", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        .executableTarget(name: "gloss", dependencies: ["GlossCLI"]),
        // Release-built benchmarks: `swift run -c release gloss-bench`.
        .executableTarget(name: "gloss-bench", dependencies: ["GlossCore", "GlossStore"]),
        .testTarget(
            name: "GlossCoreTests",
            // GlossStore only to load the shipped deck for the question property tests.
            dependencies: ["GlossCore", "GlossStore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GlossStoreTests",
            dependencies: [
                "GlossStore", "GlossCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GlossCLITests",
            dependencies: ["GlossCLI", "GlossCore", "GlossStore"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
