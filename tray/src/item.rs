//! The StatusNotifierItem (ksni): draws core's `tray_menu` entries as a dbusmenu and
//! turns clicks into [`Action`]s for the loop in `run`.

use switchboard_core::desktop::tray_menu::Entry;
use tokio::sync::mpsc::UnboundedSender;

use crate::action::Action;

pub struct Item {
    pub entries: Vec<Entry>,
    pub title: String,
    tx: UnboundedSender<Action>,
    icon: Vec<ksni::Icon>,
}

impl Item {
    pub fn new(tx: UnboundedSender<Action>) -> Item {
        Item { entries: Vec::new(), title: "Switchboard".into(), tx, icon: icon().into_iter().collect() }
    }
}

/// The tray icon as ARGB32 rows, decoded once from the PNG.
fn icon() -> Option<ksni::Icon> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(&include_bytes!("../../icons/tray.png")[..]));
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = dec.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    if info.color_type != png::ColorType::Rgba {
        return None;
    }
    let data = buf[..info.buffer_size()].chunks_exact(4).flat_map(|p| [p[3], p[0], p[1], p[2]]).collect();
    Some(ksni::Icon { width: info.width as i32, height: info.height as i32, data })
}

fn action_for(id: &str) -> Option<Action> {
    match id {
        "test" => Some(Action::Test),
        "open" => Some(Action::Open),
        "quit" => Some(Action::Quit),
        _ => None,
    }
}

impl ksni::Tray for Item {
    const MENU_ON_ACTIVATE: bool = true;

    fn id(&self) -> String {
        "switchboard".into()
    }

    fn title(&self) -> String {
        self.title.clone()
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip { title: self.title.clone(), ..Default::default() }
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.icon.clone()
    }

    fn menu(&self) -> Vec<ksni::MenuItem<Self>> {
        use ksni::menu::{CheckmarkItem, StandardItem, SubMenu};
        let pick = |label: String, checked: bool, id: String, model: Option<String>| -> ksni::MenuItem<Item> {
            CheckmarkItem {
                label,
                checked,
                activate: Box::new(move |t: &mut Item| {
                    let _ = t.tx.send(Action::Use(id.clone(), model.clone()));
                }),
                ..Default::default()
            }
            .into()
        };
        self.entries
            .iter()
            .map(|e| match e {
                Entry::Provider { id, label, checked, models } if models.is_empty() => pick(label.clone(), *checked, id.clone(), None),
                // Several models through the router: a submenu, one item per model.
                Entry::Provider { id, label, checked, models } => SubMenu {
                    label: if *checked { format!("● {label}") } else { label.clone() },
                    submenu: models.iter().map(|(m, on)| pick(m.clone(), *on, id.clone(), Some(m.clone()))).collect(),
                    ..Default::default()
                }
                .into(),
                Entry::Separator => ksni::MenuItem::Separator,
                Entry::Note(text) => StandardItem { label: text.clone(), enabled: false, ..Default::default() }.into(),
                Entry::Action { id, label } => {
                    let id = *id;
                    StandardItem {
                        label: label.clone(),
                        activate: Box::new(move |t: &mut Item| {
                            if let Some(a) = action_for(id) {
                                let _ = t.tx.send(a);
                            }
                        }),
                        ..Default::default()
                    }
                    .into()
                }
            })
            .collect()
    }

    fn watcher_offline(&self, _reason: ksni::OfflineReason) -> bool {
        // Keep the menu on the bus: a tray host that starts later picks it up.
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes_and_every_menu_action_maps() {
        let icon = icon().expect("icons/tray.png decodes to RGBA");
        assert_eq!(icon.data.len(), (icon.width * icon.height * 4) as usize);
        for id in ["test", "open", "quit"] {
            assert!(action_for(id).is_some(), "{id}");
        }
        assert!(action_for("note").is_none());
    }
}
