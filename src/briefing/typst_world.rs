//! The typst "world" a briefing is compiled in: one template, the bundled fonts, the figures
//! the app drew, and the data in `sys.inputs`. Nothing is read from disk or the network, so a
//! template cannot reach any file the user did not hand over.

use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The bundled fonts, parsed once per process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = crate::text::fonts::FACES
        .iter()
        .flat_map(|(_, bytes)| Font::iter(Bytes::new(*bytes)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// A file id for a path in the virtual project (`/main.typ`, `/timeline.png`).
pub(crate) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One compilation's world.
pub(crate) struct BriefingWorld {
    library: LazyHash<Library>,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl BriefingWorld {
    /// A world whose main file is `template`, with `inputs` as `sys.inputs` and `files`
    /// (virtual path → bytes) readable by the template.
    pub(crate) fn new(
        template: String,
        inputs: Vec<(&str, String)>,
        files: Vec<(&str, Vec<u8>)>,
        today: Option<(i32, u8, u8)>,
    ) -> Option<Self> {
        let main = Source::new(file_id("/main.typ")?, template);
        let dict: Dict = inputs
            .into_iter()
            .map(|(k, v)| (k.into(), Value::Str(v.into())))
            .collect();
        let mut map = HashMap::new();
        for (path, bytes) in files {
            map.insert(file_id(path)?, Bytes::new(bytes));
        }
        Some(Self {
            library: LazyHash::new(Library::builder().with_inputs(dict).build()),
            main,
            files: map,
            today: today.and_then(|(y, m, d)| Datetime::from_ymd(y, m, d)),
        })
    }

    /// The 1-based line of a diagnostic in the template (for error messages).
    pub(crate) fn line_of(&self, diag: &typst::diag::SourceDiagnostic) -> Option<usize> {
        use typst::WorldExt;
        let range = self.range(diag.span)?;
        let text = self.main.text();
        text.get(..range.start)
            .map(|before| before.matches('\n').count() + 1)
    }
}

impl World for BriefingWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(std::path::PathBuf::from(id.vpath().get_with_slash()))
}
