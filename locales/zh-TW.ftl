# Switchboard 的繁體中文（台灣）用語：視窗本身的句子。每種語言一個檔案
# （en、zh-CN、zh-TW、ja），訊息與參數都相同；ui/src/lib/i18n.test.ts 會檢查這點，
# 也會檢查每則訊息都有用到。
# 供應商名稱、ID、路徑和指令在每種語言中都維持原樣。

## 頁首與各區段

header-codex-uses = Codex 使用 { $provider }
header-codex-uses-model-title = Codex 使用 { $provider } · { $model }
openai-default = OpenAI（預設）
managed-button = 由你的組織管理
managed-hint = Switchboard 仍會將你的選擇寫入 config.toml。如需變更，請聯絡這台電腦的管理員修改他們的設定檔。
nav-label = 區段
nav-providers = 供應商
nav-add = 新增供應商
nav-sessions = 工作階段
nav-import = 匯入
nav-backups = 備份

## 通知

notice-dismiss = 關閉
load-try-again = 再試一次
added-provider = 已新增 { $id }。請按「測試」檢查，再按「使用」讓 Codex 改用它。

## 供應商

empty-title = 讓 Codex 改用其他供應商
empty-body = 可選擇 Azure、Vercel、OpenRouter、Ollama、Kimi、GLM、DeepSeek、Mistral 或公司的閘道；只支援 Chat Completions 的供應商會透過 Switchboard 橋接。你的金鑰會存入系統鑰匙圈，Switchboard 只會修改 config.toml 中必要的幾行。
empty-add = 新增第一個供應商
empty-import = 從 CC Switch 匯入
providers-label = 供應商
dot-untested = 尚未測試
dot-last-test = 上次測試：{ $verdict }
badge-active = 啟用中
tag-from-config = 來自你的設定
tag-from-config-title = 手動寫在 config.toml 中
row-built-in = Codex 內建
row-bridged = 透過 Switchboard 橋接
row-context = 上下文 { $tokens }
row-sessions = { $count } 個工作階段
button-use = 使用
button-in-use = 使用中
button-test = 測試
button-testing = 測試中…
button-edit = 編輯
button-share = 分享
button-remove = 移除
announce-testing = 正在測試 { $provider }…
announce-verdict = { $provider }：{ $verdict }。{ $message }

## 移除

confirm-remove-label = 確認移除
confirm-remove = 要移除 { $provider } 及其儲存的金鑰嗎？
confirm-remove-active = Codex 會改回使用 OpenAI。
confirm-remove-sessions = 已儲存的 { $count } 個工作階段會保留在磁碟上，但除非重新加入此供應商，否則 Codex 無法繼續這些工作階段。
confirm-remove-backup = 會保留一份 config.toml 的備份。
confirm-remove-keep = 保留

## 新增

presets-title = 新增供應商
presets-lead = 選擇 Codex 要把請求送到哪裡。
# { $link } 是 presets-cc-switch-link，會顯示為連結。
presets-cc-switch = 在用 CC Switch 嗎？{ $link }，並把金鑰移入系統鑰匙圈。
presets-cc-switch-link = 匯入它的 Codex 供應商

## 備份

backups-title = config.toml 的備份
backups-lead = Switchboard 每次變更前都會先存一份副本，並保留最新的 20 份。
backups-empty = 還沒有備份。下次 Switchboard 變更 config.toml 時，會建立第一份備份。
backups-taken = { $when } UTC
backups-newest = 最新
backups-size = { $name } · { $size } 位元組
confirm-restore-label = 確認還原
confirm-restore = 要用這份副本取代 config.toml 嗎？（會先備份目前的檔案。）
button-cancel = 取消
button-restore = 還原
button-restore-ask = 還原…

## 頁尾

footer-codex-home = Codex 資料夾：{ $path }
footer-login = 登入時啟動
footer-login-title = 登入時，Switchboard 會在系統匣中啟動，不會開啟視窗。
footer-language = 語言
footer-version = Switchboard { $version }

## 測試

test-running = 正在用 Codex 的方式測試連線…
test-what-to-do = 解決方法：
test-bridge-fix = 讓 Codex 透過 Switchboard 橋接連線。橋接會用 Chat Completions 與供應商溝通，並在 Codex 需要時於這台電腦上自動啟動。
test-use-bridge = 使用 Switchboard 橋接
test-not-reached = 未執行
test-working = 進行中…
test-waiting = 等待中
step-config = 設定
step-connect = 連線到主機
step-models = 列出模型
step-responses = Responses API
step-codex = 實際執行 Codex

## 結果（每個診斷代碼一則）

verdict-ok = 可供 Codex 使用
verdict-missing-key = 尚未設定金鑰
verdict-token-command-failed = 權杖指令失敗
verdict-invalid-config = 設定需要修正
verdict-dns = 找不到位址
verdict-unreachable = 無法連線
verdict-tls = 安全連線失敗
verdict-timeout = 等候回應逾時
verdict-unauthorized = 金鑰未被接受
verdict-wrong-base-url = 位址錯誤
verdict-no-responses-api = 此供應商無法支援 Codex
verdict-model-not-found = 找不到模型
verdict-azure-api-version = Azure 拒絕此 API 版本
verdict-rate-limited = 請求過於頻繁
verdict-provider-error = 供應商服務異常
verdict-unexpected-response = 非預期的回應

## 金鑰如何提供給 Codex

auth-keychain = 金鑰存於鑰匙圈
auth-keychain-missing = 鑰匙圈中尚無金鑰
auth-env = 來自 ${ $var }
auth-command = 權杖指令
auth-file-token = 金鑰存於 config.toml
auth-openai = OpenAI 登入
auth-none = 無金鑰
