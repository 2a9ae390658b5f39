//! A state machine definition as typed data, built from JSON by `build` once every rule holds.

use super::json::Value;
use super::path::Path;

/// Standard or Express: they differ in the integration patterns they allow, their history and their length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    #[default]
    Standard,
    Express,
}

impl Flavour {
    pub fn parse(s: &str) -> Option<Flavour> {
        match s.to_ascii_lowercase().as_str() {
            "standard" => Some(Flavour::Standard),
            "express" => Some(Flavour::Express),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Flavour::Standard => "Standard",
            Flavour::Express => "Express",
        }
    }
}

/// A whole definition, or one Parallel branch / Map item processor.
#[derive(Debug, Clone, PartialEq)]
pub struct Machine {
    pub start_at: String,
    pub states: Vec<State>,
    /// The execution's own limit (top level only).
    pub timeout_seconds: Option<u64>,
    /// Some state assigns or reads workflow variables: valid ASL, but the lab does not simulate them.
    pub uses_variables: bool,
}

impl Machine {
    pub fn state(&self, name: &str) -> Option<&State> {
        self.states.iter().find(|s| s.name == name)
    }
}

/// An optional path field: absent (the default applies), `null`, or a path.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum PathField {
    #[default]
    Default,
    Null,
    Path(Path),
}

/// A literal or a `…Path` field (Error/ErrorPath, TimeoutSeconds/TimeoutSecondsPath, …).
#[derive(Debug, Clone, PartialEq)]
pub enum OrPath<T> {
    Literal(T),
    Path(Path),
    /// An intrinsic function in a `…Path` field (`"CausePath": "States.Format('…', $.x)"`).
    Intrinsic(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub name: String,
    pub kind: Kind,
    /// `None` for terminal states (End, Succeed, Fail) and Choice.
    pub next: Option<String>,
    pub input_path: PathField,
    pub output_path: PathField,
    pub result_path: PathField,
    pub parameters: Option<Value>,
    pub result_selector: Option<Value>,
    pub retry: Vec<Retrier>,
    pub catch: Vec<Catcher>,
    /// JSON pointer of the state in its definition, for `path:line` messages.
    pub pointer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Task(Task),
    Pass {
        result: Option<Value>,
    },
    Choice {
        rules: Vec<(Rule, String)>,
        default: Option<String>,
    },
    Wait(OrPath<WaitFor>),
    Succeed,
    Fail {
        error: Option<OrPath<String>>,
        cause: Option<OrPath<String>>,
    },
    Parallel {
        branches: Vec<Machine>,
    },
    Map(Box<MapState>),
}

impl Kind {
    /// The `Type` as written in ASL.
    pub fn type_name(&self) -> &'static str {
        match self {
            Kind::Task(_) => "Task",
            Kind::Pass { .. } => "Pass",
            Kind::Choice { .. } => "Choice",
            Kind::Wait(_) => "Wait",
            Kind::Succeed => "Succeed",
            Kind::Fail { .. } => "Fail",
            Kind::Parallel { .. } => "Parallel",
            Kind::Map(_) => "Map",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub resource: String,
    pub timeout: Option<OrPath<u64>>,
    pub heartbeat: Option<OrPath<u64>>,
}

/// How long a Wait state waits.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitFor {
    Seconds(u64),
    /// An RFC 3339 time.
    Timestamp(String),
    /// `SecondsPath` or `TimestampPath` (which one: `seconds`).
    Path {
        path: Path,
        seconds: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    pub processor: Machine,
    pub items_path: Option<Path>,
    pub item_selector: Option<Value>,
    pub max_concurrency: u64,
    pub max_concurrency_path: Option<Path>,
    pub tolerated_percentage: Option<f64>,
    pub tolerated_count: Option<u64>,
    pub distributed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Retrier {
    pub errors: Vec<String>,
    pub interval: f64,
    pub max_attempts: u64,
    pub backoff: f64,
    pub max_delay: Option<f64>,
    pub jitter_full: bool,
}

impl Retrier {
    /// The wait before retry `n` (1-based): IntervalSeconds × BackoffRate^(n−1), capped by MaxDelaySeconds.
    pub fn delay(&self, n: u64) -> f64 {
        let d = self.interval * self.backoff.powi(n.saturating_sub(1).min(1000) as i32);
        match self.max_delay {
            Some(cap) => d.min(cap),
            None => d,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Catcher {
    pub errors: Vec<String>,
    pub next: String,
    pub result_path: PathField,
}

/// A Choice rule's condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Compare {
        variable: Path,
        op: String,
        operand: Operand,
    },
    And(Vec<Rule>),
    Or(Vec<Rule>),
    Not(Box<Rule>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Value(Value),
    Path(Path),
}

/// Every comparison operator of a Choice rule with the JSON type its literal operand has.
pub const OPERATORS: [(&str, &str); 23] = [
    ("StringEquals", "string"),
    ("StringLessThan", "string"),
    ("StringGreaterThan", "string"),
    ("StringLessThanEquals", "string"),
    ("StringGreaterThanEquals", "string"),
    ("StringMatches", "string"),
    ("NumericEquals", "number"),
    ("NumericLessThan", "number"),
    ("NumericGreaterThan", "number"),
    ("NumericLessThanEquals", "number"),
    ("NumericGreaterThanEquals", "number"),
    ("BooleanEquals", "boolean"),
    ("TimestampEquals", "timestamp"),
    ("TimestampLessThan", "timestamp"),
    ("TimestampGreaterThan", "timestamp"),
    ("TimestampLessThanEquals", "timestamp"),
    ("TimestampGreaterThanEquals", "timestamp"),
    ("IsNull", "boolean"),
    ("IsPresent", "boolean"),
    ("IsNumeric", "boolean"),
    ("IsString", "boolean"),
    ("IsBoolean", "boolean"),
    ("IsTimestamp", "boolean"),
];
