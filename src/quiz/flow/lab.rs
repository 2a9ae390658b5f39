//! The lab's commands inside a quiz: `edit` hands the answered exercise's definition to the front end's editor, and
//! the text that comes back is run with the same input and script.

use super::{Effect, QuizFlow, Stage};

impl QuizFlow<'_> {
    /// The lab exercise answered on screen, with the definition to edit (the learner's last edit, if any).
    fn answered_lab(&mut self) -> Option<&mut super::Answered> {
        match &mut self.stage {
            Stage::Practice {
                answered: Some(a), ..
            } if a.prompt.lab.is_some() => Some(a),
            _ => None,
        }
    }

    /// Whether `e` / `edit` means something on this screen.
    pub fn can_edit(&self) -> bool {
        matches!(&self.stage, Stage::Practice { answered: Some(a), .. } if a.prompt.lab.is_some())
    }

    pub(super) fn edit(&mut self) -> Vec<Effect> {
        let Some(a) = self.answered_lab() else {
            self.message = Some(if self.on_lab_question() {
                "Predict first: answer, then `edit` changes the definition and runs it again."
                    .into()
            } else {
                "Only a lab exercise has a definition to edit.".into()
            });
            return Vec::new();
        };
        let lab = a.prompt.lab.as_ref().expect("answered_lab has a lab");
        let text = a.edited.clone().unwrap_or_else(|| lab.definition.clone());
        vec![Effect::Edit(text)]
    }

    /// The editor closed with `text`: run it (an unchanged text changes nothing).
    pub(super) fn edited(&mut self, text: String) -> Vec<Effect> {
        let Some(a) = self.answered_lab() else {
            return Vec::new();
        };
        let original = &a
            .prompt
            .lab
            .as_ref()
            .expect("answered_lab has a lab")
            .definition;
        let before = a.edited.as_deref().unwrap_or(original);
        if text.trim() == before.trim() {
            self.message = Some("The definition is unchanged; nothing new to run.".into());
            return Vec::new();
        }
        a.edited = Some(text);
        self.edits += 1;
        self.message = Some("Your edit ran: see \"Your edit\" below the run.".into());
        Vec::new()
    }

    fn on_lab_question(&self) -> bool {
        matches!(&self.stage, Stage::Practice { session, answered: None, .. } if session.prompt().is_some_and(|p| p.lab.is_some()))
    }
}
