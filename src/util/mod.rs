//! Small helpers every layer may use: diagnostics, text cleaning, fitting text into columns, the files built into
//! the binary. Nothing here imports anything of the project outside `util`, so no layer reaches up through them.

pub mod diagnostic;
pub mod editor;
pub mod embedded;
pub mod parallel;
pub mod sanitize;
pub mod text;
