//! Small helpers every layer may use. Nothing here imports anything of the project, so no layer reaches up
//! through them.

pub mod text;
