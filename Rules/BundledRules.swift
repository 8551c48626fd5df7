import Foundation

/// Locates the rule files shipped with ScanRules: the YAML files of the top-level `Rules/` folder,
/// copied into this target's resource bundle.
public enum BundledRules {
    /// The folder that holds the bundled rule files.
    public static var directory: URL? { Bundle.module.resourceURL }
}
