//! Saved briefings: one row each, the briefing as JSON plus the columns the list needs.

use super::error::{Result, StoreError};
use crate::model::{Briefing, Id};
use rusqlite::{Connection, OptionalExtension, params};

/// A line of the briefings list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingSummary {
    /// The briefing's id.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// When it was last saved (RFC 3339, UTC).
    pub updated: String,
}

fn encode(b: &Briefing) -> Result<String> {
    b.validate()?;
    serde_json::to_string(b).map_err(|e| StoreError::Corrupt(format!("briefing {}: {e}", b.id)))
}

fn now() -> String {
    jiff::Timestamp::now().to_string()
}

/// Saves a new briefing.
pub(crate) fn insert(conn: &Connection, b: &Briefing) -> Result<()> {
    let body = encode(b)?;
    conn.prepare_cached("INSERT INTO briefing (id, title, updated, body) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![b.id, b.title, now(), body])?;
    Ok(())
}

/// Replaces a saved briefing.
pub(crate) fn update(conn: &Connection, b: &Briefing) -> Result<()> {
    let body = encode(b)?;
    let changed = conn
        .prepare_cached("UPDATE briefing SET title = ?2, updated = ?3, body = ?4 WHERE id = ?1")?
        .execute(params![b.id, b.title, now(), body])?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "briefing",
            id: b.id.to_string(),
        });
    }
    Ok(())
}

/// Reads one briefing.
pub(crate) fn get(conn: &Connection, id: Id) -> Result<Option<Briefing>> {
    let body: Option<String> = conn
        .prepare_cached("SELECT body FROM briefing WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    body.map(|text| {
        serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("briefing {id}: {e}")))
    })
    .transpose()
}

/// Every briefing, most recently saved first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<BriefingSummary>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, title, updated FROM briefing ORDER BY updated DESC, n DESC")?;
    let rows = stmt.query_map([], |r| {
        Ok(BriefingSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            updated: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every briefing in id order (for the JSON export).
pub(crate) fn all(conn: &Connection) -> Result<Vec<Briefing>> {
    let mut stmt = conn.prepare("SELECT id FROM briefing ORDER BY id")?;
    let ids: Vec<Id> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .filter_map(|id| get(conn, id).transpose())
        .collect()
}

/// Deletes a briefing; the records it covered are untouched.
pub(crate) fn delete(conn: &Connection, id: Id) -> Result<()> {
    let changed = conn.execute("DELETE FROM briefing WHERE id = ?1", [id])?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "briefing",
            id: id.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use crate::model::{Briefing, BriefingLanguage, ValidationError};
    use crate::store::StoreError;

    #[test]
    fn insert_get_update_list_delete() {
        let mut s = Store::in_memory().unwrap();
        let mut b = Briefing::new("التعاون الاستخباراتي 2020–2024");
        s.write(|w| w.insert_briefing(&b)).unwrap();
        assert_eq!(s.briefing(b.id).unwrap().as_ref(), Some(&b));
        b.title = "Intelligence cooperation".into();
        b.language = BriefingLanguage::En;
        s.write(|w| w.update_briefing(&b)).unwrap();
        assert_eq!(s.briefing(b.id).unwrap().as_ref(), Some(&b));
        let other = Briefing::new("موجز ثانٍ");
        s.write(|w| w.insert_briefing(&other)).unwrap();
        let list = s.briefings().unwrap();
        assert_eq!(list.len(), 2);
        assert!(list.iter().any(|l| l.id == b.id && l.title == b.title));
        s.write(|w| w.delete_briefing(b.id)).unwrap();
        assert_eq!(s.briefing(b.id).unwrap(), None);
        assert!(matches!(
            s.write(|w| w.delete_briefing(b.id)),
            Err(StoreError::NotFound {
                what: "briefing",
                ..
            })
        ));
    }

    #[test]
    fn invalid_briefing_is_refused_and_nothing_stored() {
        let mut s = Store::in_memory().unwrap();
        let b = Briefing::new("");
        assert!(matches!(
            s.write(|w| w.insert_briefing(&b)),
            Err(StoreError::Invalid(ValidationError::Required(_)))
        ));
        assert!(s.briefings().unwrap().is_empty());
    }

    #[test]
    fn updating_a_missing_briefing_says_so() {
        let mut s = Store::in_memory().unwrap();
        let b = Briefing::new("موجز");
        assert!(matches!(
            s.write(|w| w.update_briefing(&b)),
            Err(StoreError::NotFound {
                what: "briefing",
                ..
            })
        ));
    }
}
