//! The server's secret key, and the access codes derived from it.
//!
//! An access code is HMAC-SHA256(key, application id), shown as 16 characters of Crockford's
//! base 32 (80 bits). Nothing secret is stored next to the application: the server recomputes
//! the code to check it, and a retried submission gets the same code back. The key comes from
//! `IPL_SECRET_KEY` (hex) or is made once, at random, in `<data dir>/secret.key`.

use std::{
    fs,
    io::{self, Write},
    os::unix::fs::OpenOptionsExt,
    path::Path,
};

use hmac::{Hmac, Mac};
use sha2::Sha256;

const KEY_BYTES: usize = 32;
const CODE_CHARS: usize = 16;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Clone)]
pub struct SecretKey([u8; KEY_BYTES]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// The key from `hex` (64 hex digits) if given, else from the key file. Only a missing file
    /// makes a new key (written atomically, readable by this user only, and logged); a file
    /// that cannot be read or holds something else stops the start-up, because a new key would
    /// silently invalidate every access code already given out.
    pub fn load_or_create(hex: Option<&str>, data_dir: &Path) -> io::Result<Self> {
        if let Some(hex) = hex {
            return Self::from_hex(hex.trim())
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "IPL_SECRET_KEY must be 64 hex digits"));
        }
        let path = data_dir.join("secret.key");
        match fs::read_to_string(&path) {
            Ok(text) => Self::from_hex(text.trim()).ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{} is damaged: it must hold 64 hex digits", path.display()),
                )
            }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Self::create(&path),
            Err(error) => Err(io::Error::new(error.kind(), format!("cannot read {}: {error}", path.display()))),
        }
    }

    /// A new random key in `path`: written to a temporary file with mode 0600, flushed to disk,
    /// then renamed into place, so that a crash never leaves half a key.
    fn create(path: &Path) -> io::Result<Self> {
        let mut bytes = [0u8; KEY_BYTES];
        getrandom::getrandom(&mut bytes).map_err(io::Error::other)?;
        let folder = path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(folder)?;
        // Private to this user, as the SQLite database's folder is (with PostgreSQL the key may be
        // all the folder holds).
        if folder != Path::new(".") {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
        }
        let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
        let temporary = folder.join("secret.key.new");
        let mut file = fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&temporary)?;
        file.write_all(hex.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temporary, path)?;
        fs::File::open(folder)?.sync_all()?;
        tracing::warn!(path = %path.display(), "made a new secret key for access codes: back it up with the database");
        Ok(Self(bytes))
    }

    fn from_hex(hex: &str) -> Option<Self> {
        if hex.len() != KEY_BYTES * 2 {
            return None;
        }
        let mut bytes = [0u8; KEY_BYTES];
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(hex.get(index * 2..index * 2 + 2)?, 16).ok()?;
        }
        Some(Self(bytes))
    }

    fn mac(&self, id: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(b"access-code:");
        mac.update(id.as_bytes());
        mac
    }

    /// The access code of application `id`, grouped for reading: `7K3M-9QXD-2B4N-HT6R`.
    pub fn access_code(&self, id: &str) -> String {
        let digest = self.mac(id).finalize().into_bytes();
        let plain = base32(&digest[..10]);
        plain
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether `typed` is the access code of `id`, forgiving case, spaces, dashes and the
    /// letters people confuse with digits (O/0, I/L/1); compared in constant time.
    pub fn verify(&self, id: &str, typed: &str) -> bool {
        let typed: String = typed
            .chars()
            .filter(|letter| letter.is_ascii_alphanumeric())
            .map(|letter| match letter.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        let expected: String = self.access_code(id).chars().filter(|letter| *letter != '-').collect();
        typed.len() == CODE_CHARS
            && typed.bytes().zip(expected.bytes()).fold(0u8, |difference, (a, b)| difference | (a ^ b)) == 0
    }
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::from_hex(&"ab".repeat(32)).expect("valid hex")
    }

    #[test]
    fn a_code_is_stable_for_an_id_and_different_for_another() {
        let code = key().access_code("0b6f1f0e-1111-4222-8333-944445555666");
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code, key().access_code("0b6f1f0e-1111-4222-8333-944445555666"));
        assert_ne!(code, key().access_code("0b6f1f0e-1111-4222-8333-944445555667"));
    }

    #[test]
    fn verification_forgives_layout_but_not_a_wrong_character() {
        let id = "0b6f1f0e-1111-4222-8333-944445555666";
        let code = key().access_code(id);
        assert!(key().verify(id, &code));
        assert!(key().verify(id, &code.to_lowercase().replace('-', " ")));
        let mut wrong = code.clone().into_bytes();
        wrong[0] = if wrong[0] == b'A' { b'B' } else { b'A' };
        assert!(!key().verify(id, &String::from_utf8(wrong).expect("ascii")));
        assert!(!key().verify(id, ""));
    }

    /// Known answer: how an access code is derived. If this changes, every access code already
    /// given to a person stops opening their application.
    #[test]
    fn access_codes_are_pinned() {
        assert_eq!(key().access_code("0b6f1f0e-1111-4222-8333-944445555666"), "MPNG-AF2G-WW0T-HRCM");
    }

    #[test]
    fn only_a_missing_key_file_makes_a_new_key() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("temporary folder");
        let made = SecretKey::load_or_create(None, folder.path()).expect("made");
        let path = folder.path().join("secret.key");
        let mode = fs::metadata(&path).expect("written").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = SecretKey::load_or_create(None, folder.path()).expect("read back");
        assert_eq!(made.access_code("x"), again.access_code("x"));
        fs::write(&path, "not a key").expect("spoil");
        assert!(SecretKey::load_or_create(None, folder.path()).is_err());
        fs::remove_file(&path).expect("remove");
        fs::create_dir(&path).expect("a folder where the file should be");
        assert!(SecretKey::load_or_create(None, folder.path()).is_err(), "an unreadable key must stop the start");
    }

    #[test]
    fn another_key_gives_another_code() {
        let other = SecretKey::from_hex(&"cd".repeat(32)).expect("valid hex");
        assert_ne!(key().access_code("x"), other.access_code("x"));
    }
}
