// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: kiosk (executable) -> KioskTerminal -> KioskCore.
// KioskCore has no terminal code and never imports CReadline.
let package = Package(
    name: "kiosk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kiosk", targets: ["kiosk"]),
        .library(name: "KioskCore", targets: ["KioskCore"]),
        .library(name: "KioskTerminal", targets: ["KioskTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(
            name: "KioskCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        .target(
            name: "KioskTerminal",
            dependencies: ["KioskCore", "CReadline", "CCrypt"]
        ),
        .executableTarget(
            name: "kiosk",
            dependencies: [
                "KioskCore",
                "KioskTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "kiosk-bench",
            dependencies: ["KioskCore"]
        ),
        .target(
            name: "KioskTestSupport",
            dependencies: ["KioskCore"],
            path: "Tests/KioskTestSupport"
        ),
        .testTarget(
            name: "KioskCoreTests",
            dependencies: ["KioskCore", "KioskTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KioskTerminalTests",
            dependencies: ["KioskTerminal", "KioskTestSupport"]
        ),
        .testTarget(
            name: "KioskEndToEndTests",
            dependencies: ["KioskCore", "KioskTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
